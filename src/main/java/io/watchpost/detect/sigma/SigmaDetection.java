package io.watchpost.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates a Sigma {@code detection:} block (named selections and a condition) into one filter-language expression.
 * Anything whose meaning we cannot reproduce exactly is refused with a {@link SigmaRefusal} naming it.
 */
final class SigmaDetection {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z_@][A-Za-z0-9_.@\\-]*");
    private static final Set<String> RE_FLAGS = Set.of("i", "m", "s");
    /**
     * CloudTrail's object-valued top-level keys. Our events keep them flattened (requestParameters.bucketName …), so
     * the object itself is no field, and Sigma's match against its JSON text cannot be reproduced.
     */
    private static final Set<String> CLOUDTRAIL_OBJECTS = Set.of("requestparameters", "responseelements",
            "additionaleventdata", "serviceeventdetails", "useridentity", "tlsdetails", "resources");

    private final Map<String, JsonNode> selections = new LinkedHashMap<>();
    private final boolean keywordsOnly;
    private final boolean cloudTrail;
    private boolean timeframe;

    /**
     * @param keywordsOnly text-log sources (Linux) have no fields of Sigma's taxonomy here, only the line itself
     */
    SigmaDetection(JsonNode detection, boolean keywordsOnly, boolean cloudTrail) {
        this.keywordsOnly = keywordsOnly;
        this.cloudTrail = cloudTrail;
        if (detection == null || !detection.isObject()) {
            throw new SigmaRefusal("no detection: block");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = detection.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("condition")) {
                continue;
            }
            if (e.getKey().equals("timeframe")) {
                timeframe = true;
                continue;
            }
            selections.put(e.getKey(), e.getValue());
        }
    }

    /** The whole detection as filter text. */
    String filterText(JsonNode condition) {
        if (condition == null) {
            throw new SigmaRefusal("detection has no condition:");
        }
        if (condition.isArray()) {
            // several conditions: the rule matches when any does
            List<String> parts = new ArrayList<>();
            for (JsonNode c : condition) {
                parts.add("(" + new SigmaCondition(c.asText(), this).parse() + ")");
            }
            return noTimeframe(String.join(" or ", parts));
        }
        return noTimeframe(new SigmaCondition(condition.asText(), this).parse());
    }

    /** Checked after the condition, whose aggregation is the more telling reason when both are present. */
    private String noTimeframe(String filter) {
        if (timeframe) {
            throw new SigmaRefusal("timeframe: (a window correlating several events) is not supported;"
                    + " write a threshold or sequence rule instead");
        }
        return filter;
    }

    /** Selection names matching a condition's pattern ({@code selection_*}, {@code them}). */
    List<String> namesMatching(String pattern) {
        List<String> out = new ArrayList<>();
        for (String name : selections.keySet()) {
            boolean match = pattern.equals("them") ? !name.startsWith("_")
                    : Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q")).matcher(name).matches();
            if (match) {
                out.add(name);
            }
        }
        if (out.isEmpty()) {
            throw new SigmaRefusal("condition names '" + pattern + "', which matches no selection");
        }
        return out;
    }

    String selection(String name) {
        JsonNode s = selections.get(name);
        if (s == null) {
            throw new SigmaRefusal("condition names '" + name + "', which is not a selection");
        }
        return "(" + node(s) + ")";
    }

    private String node(JsonNode s) {
        if (s.isObject()) {
            return map(s);
        }
        if (s.isArray()) {
            if (s.isEmpty()) {
                throw new SigmaRefusal("an empty selection list");
            }
            boolean maps = s.get(0).isObject();
            List<String> parts = new ArrayList<>();
            for (JsonNode item : s) {
                if (item.isObject() != maps || item.isArray()) {
                    throw new SigmaRefusal("a selection list that mixes field maps and keywords");
                }
                parts.add(maps ? "(" + map(item) + ")" : keyword(item));
            }
            return String.join(" or ", parts);
        }
        if (s.isValueNode() && !s.isNull()) {
            return keyword(s);
        }
        throw new SigmaRefusal("a selection that is neither a field map, a list nor a keyword");
    }

    /** A field map: every entry holds. */
    private String map(JsonNode m) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parts.add(entry(e.getKey(), e.getValue()));
        }
        if (parts.isEmpty()) {
            throw new SigmaRefusal("an empty field map");
        }
        return String.join(" and ", parts);
    }

    private String entry(String key, JsonNode value) {
        String[] split = key.split("\\|", -1);
        String field = split[0];
        List<String> mods = new ArrayList<>(List.of(split).subList(1, split.length));
        boolean all = mods.remove("all");
        String wrap = null;
        boolean re = false;
        boolean cidr = false;
        boolean exists = false;
        List<String> reFlags = new ArrayList<>();
        for (String mod : mods) {
            switch (mod) {
                case "contains", "startswith", "endswith" -> {
                    if (wrap != null) {
                        throw new SigmaRefusal("modifiers '" + wrap + "' and '" + mod + "' together on " + key);
                    }
                    wrap = mod;
                }
                case "re" -> re = true;
                case "i", "m", "s" -> reFlags.add(mod);
                case "cidr" -> cidr = true;
                case "exists" -> exists = true;
                case "fieldref" -> throw new SigmaRefusal("modifier 'fieldref' on " + key
                        + ": comparing one field with another is not supported by our filters");
                case "expand" -> throw new SigmaRefusal("modifier 'expand' on " + key
                        + ": a %placeholder% the deployer must define, not supported");
                default -> throw new SigmaRefusal("modifier '" + mod + "' on " + key + " is not supported");
            }
        }
        if (!reFlags.isEmpty() && !re) {
            throw new SigmaRefusal("regex flag modifiers " + reFlags + " without 're' on " + key);
        }
        if ((re ? 1 : 0) + (cidr ? 1 : 0) + (exists ? 1 : 0) + (wrap != null ? 1 : 0) > 1) {
            throw new SigmaRefusal("modifiers " + mods + " cannot be combined on " + key);
        }
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
            if (values.isEmpty()) {
                throw new SigmaRefusal("an empty value list on " + key);
            }
        } else {
            values.add(value);
        }
        if (field.isEmpty()) {
            // '|all': keywords that must all appear, '|contains' … on keywords behaves like plain keywords
            if (re || cidr || exists) {
                throw new SigmaRefusal("modifiers " + mods + " on keywords are not supported");
            }
            List<String> parts = new ArrayList<>();
            for (JsonNode v : values) {
                parts.add(keyword(v));
            }
            return "(" + String.join(all ? " and " : " or ", parts) + ")";
        }
        if (keywordsOnly) {
            throw new SigmaRefusal("field '" + field + "': this log source is searched by keywords only (its lines"
                    + " have no Sigma field names here)");
        }
        if (!FIELD.matcher(field).matches()) {
            throw new SigmaRefusal("field name '" + field + "' cannot be written in our filters");
        }
        if (cloudTrail && CLOUDTRAIL_OBJECTS.contains(field.toLowerCase(java.util.Locale.ROOT))) {
            throw new SigmaRefusal("field '" + field + "' is a whole object in CloudTrail records: Sigma matches its"
                    + " JSON text, but our events keep only its flattened leaves (" + field + ".x …), which no"
                    + " filter can search all at once");
        }
        String target = field;
        if (exists) {
            if (values.size() != 1 || !values.get(0).isBoolean()) {
                throw new SigmaRefusal("'exists' on " + key + " takes true or false");
            }
            return values.get(0).asBoolean() ? target + " exists" : "not " + target + " exists";
        }
        List<String> parts = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (JsonNode v : values) {
            if (v.isNull()) {
                if (wrap != null || re || cidr) {
                    throw new SigmaRefusal("null with modifiers on " + key);
                }
                parts.add("not " + target + " exists");
                continue;
            }
            if (!v.isValueNode()) {
                throw new SigmaRefusal("a nested value under " + key + " (write the dotted field path instead)");
            }
            String text = v.asText();
            if (re) {
                String flags = reFlags.isEmpty() ? "" : "(?" + String.join("", reFlags) + ")";
                try {
                    Pattern.compile(flags + text);
                } catch (java.util.regex.PatternSyntaxException ex) {
                    throw new SigmaRefusal("regex on " + key + " does not compile in Java: " + ex.getDescription());
                }
                parts.add(target + " matches " + SigmaValues.quote(flags + text));
            } else if (cidr) {
                if (!text.matches("[0-9a-fA-F:.]+/[0-9]+")) {
                    throw new SigmaRefusal("'" + text + "' on " + key + " is not a CIDR block");
                }
                parts.add(target + " in " + text);
            } else if (wrap == null && !all && noWildcards(text) && values.size() > 1) {
                plain.add(text);
            } else {
                String w = switch (wrap == null ? "" : wrap) {
                    case "contains" -> "*" + text + "*";
                    case "startswith" -> text + "*";
                    case "endswith" -> "*" + text;
                    default -> text;
                };
                parts.add(SigmaValues.leaf(target, w));
            }
        }
        if (plain.size() == 1) {
            parts.add(0, SigmaValues.leaf(target, plain.get(0)));
        } else if (plain.size() > 1) {
            parts.add(0, SigmaValues.equalsIgnoringCase(target, plain));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return "(" + String.join(all ? " and " : " or ", parts) + ")";
    }

    private static boolean noWildcards(String text) {
        return text.indexOf('*') < 0 && text.indexOf('?') < 0 && text.indexOf('\\') < 0;
    }

    /**
     * A keyword searches the log line. Our text events split the line into its header (host, program name, pid)
     * and the message, so a keyword is looked for in the message and the program name (Sigma's Linux keywords name
     * either: 'pkexec', 'Failed to generate curve25519 keys'). CloudTrail events have no line to search: their
     * message is a summary, not the record.
     */
    private String keyword(JsonNode v) {
        if (cloudTrail) {
            throw new SigmaRefusal("keyword search over CloudTrail records is not supported (the record is kept as"
                    + " fields; name the field)");
        }
        if (!v.isValueNode() || v.isNull()) {
            throw new SigmaRefusal("a keyword that is not a plain value");
        }
        String inMessage = SigmaValues.leaf(null, v.asText());
        String wrapped = "*" + v.asText() + "*";
        return "(" + inMessage + " or " + SigmaValues.leaf("process.name", wrapped) + ")";
    }
}
