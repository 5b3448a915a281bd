package io.watchpost.ui.rules;

import io.watchpost.detect.Rule;

import java.nio.file.Path;

/**
 * A rule in the workspace list: where it comes from (the built-in pack, or a file in the user rules directory) and
 * whether the live engine runs it.
 */
public record RuleEntry(Rule rule, Origin origin, Path file, boolean enabled) {

    public enum Origin { BUILT_IN, USER }

    public String label() {
        return (enabled ? "● " : "○ ") + rule.id() + (origin == Origin.USER ? "  (user)" : "");
    }
}
