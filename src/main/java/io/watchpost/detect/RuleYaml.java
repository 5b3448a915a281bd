package io.watchpost.detect;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.query.EventPredicates;
import io.watchpost.query.Filter;
import io.watchpost.query.FilterParser;
import io.watchpost.query.FilterSyntaxException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one rule from its YAML text (format in the README, "Detection rules"). Every problem is reported with the
 * line and column of the offending value, so the editor can point at it; nothing is half-read.
 */
public final class RuleYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);
    /** Test events without a time start here (the sample data's start), one second apart. */
    static final Instant TEST_BASE = Instant.parse("2025-11-24T08:00:00Z");
    private static final Set<String> KINDS = Set.of("match", "threshold", "sequence", "new_value", "spike");
    private static final Set<String> TOP_KEYS = Set.of("id", "title", "description", "severity", "tags", "enabled",
            "author", "kind", "filter", "group_by", "threshold", "sequence", "new_value", "spike", "suppress", "tests",
            "references", "falsepositives");

    private final String text;
    private final Map<String, int[]> locations;

    private RuleYaml(String text, Map<String, int[]> locations) {
        this.text = text;
        this.locations = locations;
    }

    /** A rule id names its file, so it holds only letters, digits and . _ : - and starts with a letter or digit. */
    public static boolean isValidId(String id) {
        return id != null && id.matches("[A-Za-z0-9][A-Za-z0-9._:-]*");
    }

    public static Rule parse(String text) {
        JsonNode root;
        Map<String, int[]> locations = new HashMap<>();
        try {
            try (JsonParser p = YAML.createParser(text)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t.isScalarValue() || t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        JsonLocation l = p.currentTokenLocation();
                        locations.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                                new int[]{l.getLineNr(), l.getColumnNr()});
                    }
                }
            }
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new RuleFormatException("not valid YAML: " + e.getOriginalMessage(), l == null ? 0 : l.getLineNr(),
                    l == null ? 0 : l.getColumnNr());
        } catch (IOException e) {
            throw new RuleFormatException("cannot read: " + e.getMessage(), 0, 0);
        }
        if (root == null || !root.isObject()) {
            throw new RuleFormatException("a rule is a YAML mapping (id:, title:, kind: …)", 1, 1);
        }
        return new RuleYaml(text, locations).rule(root);
    }

    private Rule rule(JsonNode root) {
        root.fieldNames().forEachRemaining(k -> {
            if (!TOP_KEYS.contains(k)) {
                throw error("/" + k, "unknown key '" + k + "' (known: " + new java.util.TreeSet<>(TOP_KEYS) + ")");
            }
        });
        String id = required(root, "id");
        if (!isValidId(id)) {
            throw error("/id", "id '" + id + "' may hold only letters, digits and . _ : -");
        }
        String title = required(root, "title");
        String description = optional(root, "description", "");
        String sev = required(root, "severity");
        RuleSeverity severity = RuleSeverity.named(sev).orElseThrow(() -> error("/severity",
                "severity '" + sev + "' is not one of informational, low, medium, high, critical"));
        List<String> tags = strings(root, "tags");
        boolean enabled = !root.has("enabled") || bool(root, "/enabled");
        String author = optional(root, "author", null);
        Duration suppress = root.has("suppress") ? duration(root.get("suppress"), "/suppress") : Duration.ofHours(1);
        String kind = required(root, "kind").toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw error("/kind", "kind '" + kind + "' is not one of " + new java.util.TreeSet<>(KINDS));
        }
        RuleLogic logic = switch (kind) {
            case "match" -> new RuleLogic.Match(required(root, "filter"), filter(root, "/filter"));
            case "threshold" -> threshold(root);
            case "sequence" -> sequence(root);
            case "new_value" -> newValue(root);
            default -> spike(root);
        };
        List<RuleTest> tests = tests(root);
        return new Rule(id, title, description, severity, tags, enabled, author, logic, suppress, tests, text);
    }

    private RuleLogic threshold(JsonNode root) {
        JsonNode t = object(root, "threshold");
        String fn = optional(t, "function", "count").toLowerCase(Locale.ROOT);
        RuleLogic.Aggregate agg = switch (fn) {
            case "count" -> RuleLogic.Aggregate.COUNT;
            case "distinct" -> RuleLogic.Aggregate.DISTINCT;
            case "sum" -> RuleLogic.Aggregate.SUM;
            default -> throw error("/threshold/function", "function '" + fn + "' is not count, distinct or sum");
        };
        String field = optional(t, "field", null);
        if (agg != RuleLogic.Aggregate.COUNT && field == null) {
            throw error("/threshold", fn + " needs a field:");
        }
        return new RuleLogic.Threshold(required(root, "filter"), filter(root, "/filter"), agg, field,
                strings(root, "group_by"), duration(t.get("window"), "/threshold/window"), number(t, "/threshold/above"));
    }

    private RuleLogic sequence(JsonNode root) {
        JsonNode s = object(root, "sequence");
        List<String> by = strings(s, "by");
        if (by.isEmpty()) {
            throw error("/sequence", "a sequence needs by: (the fields that join its steps)");
        }
        JsonNode steps = s.get("steps");
        if (steps == null || !steps.isArray() || steps.size() < 2) {
            throw error("/sequence", "a sequence needs steps: with at least two steps");
        }
        List<RuleLogic.Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode st = steps.get(i);
            String at = "/sequence/steps/" + i;
            if (!st.isObject() || !st.has("filter")) {
                throw error(at, "each step needs a filter:");
            }
            int count = st.has("count") ? (int) number(st, at + "/count") : 1;
            out.add(new RuleLogic.Step(optional(st, "name", "step " + (i + 1)), st.get("filter").asText(),
                    filter(st, at + "/filter"), Math.max(1, count)));
        }
        return new RuleLogic.Sequence(by, duration(s.get("within"), "/sequence/within"), out);
    }

    private RuleLogic newValue(JsonNode root) {
        JsonNode n = object(root, "new_value");
        String field = required(n, "field", "/new_value/field");
        Duration learn = n.has("learn") ? duration(n.get("learn"), "/new_value/learn") : Duration.ofMinutes(30);
        return new RuleLogic.NewValue(required(root, "filter"), filter(root, "/filter"), field,
                strings(root, "group_by"), learn);
    }

    private RuleLogic spike(JsonNode root) {
        JsonNode s = object(root, "spike");
        Duration bucket = duration(s.get("bucket"), "/spike/bucket");
        int history = s.has("history") ? (int) number(s, "/spike/history") : 12;
        double factor = s.has("factor") ? number(s, "/spike/factor") : 5;
        double z = s.has("z_score") ? number(s, "/spike/z_score") : 0;
        long min = s.has("min_count") ? (long) number(s, "/spike/min_count") : 10;
        return new RuleLogic.Spike(required(root, "filter"), filter(root, "/filter"), strings(root, "group_by"),
                bucket, Math.max(1, history), factor, z, min);
    }

    private List<RuleTest> tests(JsonNode root) {
        List<RuleTest> out = new ArrayList<>();
        JsonNode tests = root.get("tests");
        if (tests == null) {
            return out;
        }
        if (!tests.isArray()) {
            throw error("/tests", "tests: is a list");
        }
        for (int i = 0; i < tests.size(); i++) {
            JsonNode t = tests.get(i);
            String at = "/tests/" + i;
            String name = optional(t, "name", "test " + (i + 1));
            String expect = required(t, "expect", at + "/expect").toLowerCase(Locale.ROOT);
            int expected;
            if (expect.equals("fire")) {
                expected = t.has("alerts") ? (int) number(t, at + "/alerts") : -1;
            } else if (expect.equals("none")) {
                expected = 0;
            } else {
                throw error(at + "/expect", "expect: is fire or none, not '" + expect + "'");
            }
            JsonNode events = t.get("events");
            if (events == null || !events.isArray() || events.isEmpty()) {
                throw error(at, "a test needs events:");
            }
            List<RawLogEvent> raws = new ArrayList<>();
            long clock = TEST_BASE.toEpochMilli();
            for (int j = 0; j < events.size(); j++) {
                JsonNode ev = events.get(j);
                String eat = at + "/events/" + j;
                String group = required(ev, "logGroup", eat + "/logGroup");
                String message = required(ev, "message", eat + "/message");
                if (ev.has("time")) {
                    try {
                        clock = Instant.parse(ev.get("time").asText()).toEpochMilli();
                    } catch (RuntimeException e) {
                        throw error(eat + "/time", "time '" + ev.get("time").asText() + "' is not ISO-8601");
                    }
                } else if (ev.has("after")) {
                    clock += duration(ev.get("after"), eat + "/after").toMillis();
                }
                int repeat = ev.has("repeat") ? (int) number(ev, eat + "/repeat") : 1;
                long every = ev.has("every") ? duration(ev.get("every"), eat + "/every").toMillis() : 1000;
                String stream = optional(ev, "logStream", "test");
                for (int r = 0; r < repeat; r++) {
                    // {i} numbers repeats; {t} and {t+60} are the event's time in epoch seconds (flow records carry their own)
                    String msg = message.replace("{i}", Integer.toString(r)).replace("{i+1}", Integer.toString(r + 1))
                            .replace("{t}", Long.toString(clock / 1000)).replace("{t+60}", Long.toString(clock / 1000 + 60));
                    raws.add(new RawLogEvent(group, stream, "t" + i + "-" + j + "-" + r, clock, clock, msg));
                    clock += every;
                }
            }
            out.add(new RuleTest(name, raws, expected));
        }
        return out;
    }

    // ---- small readers that know where each value is -------------------------------------------------------------

    private Filter filter(JsonNode node, String pointer) {
        String key = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode v = node.get(key);
        if (v == null || !v.isValueNode()) {
            throw error(pointer, key + ": must be a filter expression");
        }
        String expr = v.asText();
        try {
            Filter f = FilterParser.parse(expr);
            EventPredicates.compile(f); // also refuses what the compiler refuses (a time that is not a time …)
            return f;
        } catch (FilterSyntaxException e) {
            int[] at = valueStart(pointer);
            // a plain or quoted scalar on its own line: the filter's column maps onto the line
            throw new RuleFormatException("filter: " + e.problem(), at[0], at[0] > 0 ? at[1] + e.column() - 1 : 0);
        }
    }

    /** Line and column of the value's first character (after an opening quote). */
    private int[] valueStart(String pointer) {
        int[] at = locations.getOrDefault(pointer, new int[]{0, 0});
        if (at[0] <= 0) {
            return at;
        }
        String[] lines = text.split("\n", -1);
        if (at[0] - 1 < lines.length) {
            String line = lines[at[0] - 1];
            int idx = at[1] - 1;
            if (idx >= 0 && idx < line.length() && (line.charAt(idx) == '"' || line.charAt(idx) == '\'')) {
                return new int[]{at[0], at[1] + 1};
            }
        }
        return at;
    }

    private RuleFormatException error(String pointer, String problem) {
        String p = pointer;
        while (!locations.containsKey(p) && p.lastIndexOf('/') > 0) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        int[] at = locations.getOrDefault(p, new int[]{0, 0});
        return new RuleFormatException(problem, at[0], at[1]);
    }

    private String required(JsonNode node, String key) {
        return required(node, key, "/" + key);
    }

    private String required(JsonNode node, String key, String pointer) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw error(pointer, key + ": is required" + (v != null && !v.isValueNode() ? " as a single value" : ""));
        }
        return v.asText();
    }

    private static String optional(JsonNode node, String key, String otherwise) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? otherwise : v.isValueNode() ? v.asText() : v.toString();
    }

    private JsonNode object(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isObject()) {
            throw error("/" + key, "kind " + key + " needs a " + key + ": mapping");
        }
        return v;
    }

    private List<String> strings(JsonNode node, String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw error("/" + key, key + ": is a list");
        }
        v.forEach(x -> out.add(x.asText()));
        return out;
    }

    private boolean bool(JsonNode root, String pointer) {
        JsonNode v = root.at(pointer);
        if (!v.isBoolean()) {
            throw error(pointer, pointer.substring(1) + ": is true or false");
        }
        return v.booleanValue();
    }

    private double number(JsonNode node, String pointer) {
        JsonNode v = node.get(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (v == null || !(v.isNumber() || v.isTextual() && v.asText().matches("-?\\d+(\\.\\d+)?"))) {
            throw error(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + ": must be a number");
        }
        return v.asDouble();
    }

    private Duration duration(JsonNode v, String pointer) {
        if (v == null || !v.isValueNode()) {
            throw error(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + ": is required (30s, 5m, 1h, 7d)");
        }
        return Durations.parse(v.asText()).filter(d -> !d.isNegative() && !d.isZero()).orElseThrow(() ->
                error(pointer, "'" + v.asText() + "' is not a span (30s, 5m, 1h, 7d)"));
    }
}
