package io.watchpost.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sigma's condition language, without aggregations: {@code and}, {@code or}, {@code not}, parentheses, selection
 * names, {@code 1 of X*}, {@code all of X*}, {@code 1 of them}, {@code all of them}. Precedence not > and > or, as in
 * Sigma and in our filters.
 */
final class SigmaCondition {

    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|\\||[^\\s()|]+)");

    private final List<String> tokens = new ArrayList<>();
    private final SigmaDetection detection;
    private int pos;

    SigmaCondition(String text, SigmaDetection detection) {
        this.detection = detection;
        if (text.matches("(?i).*\\bnear\\b.*")) {
            throw new SigmaRefusal("'near' in condition '" + text.trim() + "' (a temporal correlation) is not"
                    + " supported; write a sequence rule instead");
        }
        if (text.contains("|")) {
            throw new SigmaRefusal("aggregation in condition '" + text.trim() + "' (Sigma v1 'selection | count() …')"
                    + " is not supported; write a threshold rule instead");
        }
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            tokens.add(m.group(1));
            at = m.end();
        }
        if (!text.substring(at).isBlank()) {
            throw new SigmaRefusal("cannot read condition '" + text + "'");
        }
    }

    String parse() {
        String out = or();
        if (pos < tokens.size()) {
            throw new SigmaRefusal("unexpected '" + tokens.get(pos) + "' in condition");
        }
        return out;
    }

    private String or() {
        List<String> parts = new ArrayList<>(List.of(and()));
        while (is("or")) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" or ", parts) + ")";
    }

    private String and() {
        List<String> parts = new ArrayList<>(List.of(not()));
        while (is("and")) {
            pos++;
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" and ", parts) + ")";
    }

    private String not() {
        if (is("not")) {
            pos++;
            return "not " + not();
        }
        return primary();
    }

    private String primary() {
        if (pos >= tokens.size()) {
            throw new SigmaRefusal("condition ends too early");
        }
        String t = tokens.get(pos++);
        if (t.equals("(")) {
            String inner = or();
            if (!is(")")) {
                throw new SigmaRefusal("unclosed '(' in condition");
            }
            pos++;
            return inner;
        }
        String low = t.toLowerCase(Locale.ROOT);
        if (low.equals("near")) {
            throw new SigmaRefusal("'near' (a temporal correlation) is not supported; write a sequence rule instead");
        }
        if ((low.equals("1") || low.equals("all")) && is("of")) {
            pos++;
            if (pos >= tokens.size()) {
                throw new SigmaRefusal("'" + t + " of' needs a selection pattern");
            }
            List<String> names = detection.namesMatching(tokens.get(pos++));
            List<String> parts = names.stream().map(detection::selection).toList();
            String joiner = low.equals("all") ? " and " : " or ";
            return parts.size() == 1 ? parts.get(0) : "(" + String.join(joiner, parts) + ")";
        }
        if (low.matches("\\d+") && is("of")) {
            throw new SigmaRefusal("'" + t + " of' (more than one of) is not supported");
        }
        if (List.of("and", "or", ")", "of").contains(low)) {
            throw new SigmaRefusal("unexpected '" + t + "' in condition");
        }
        return detection.selection(t);
    }

    private boolean is(String word) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }
}
