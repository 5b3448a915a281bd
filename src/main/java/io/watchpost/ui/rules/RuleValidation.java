package io.watchpost.ui.rules;

import io.watchpost.detect.Rule;

/**
 * The outcome of reading the editor's text: the rule, or the problem with its 1-based line and column (0 when
 * unknown).
 */
public record RuleValidation(Rule rule, String problem, int line, int column) {

    public static final RuleValidation PENDING = new RuleValidation(null, null, 0, 0);

    public boolean valid() {
        return rule != null;
    }

    /** "line 3, column 9: severity 'urgent' is not one of …", "valid", or "" while pending. */
    public String message() {
        if (rule != null) {
            return "valid";
        }
        if (problem == null) {
            return "";
        }
        return (line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "") + problem;
    }
}
