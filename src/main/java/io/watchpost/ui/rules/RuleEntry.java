package io.watchpost.ui.rules;

import io.watchpost.detect.Rule;
import io.watchpost.store.TeamState;

import java.nio.file.Path;

/**
 * A rule in the workspace list: where it comes from (the built-in pack, or a file in the user rules directory),
 * whether the live engine runs it, and, when this workstation's edit of it lost to another's, who overwrote it
 * ({@code overwrite}, else null).
 */
public record RuleEntry(Rule rule, Origin origin, Path file, boolean enabled, TeamState.Overwrite overwrite) {

    public enum Origin { BUILT_IN, USER }

    public RuleEntry(Rule rule, Origin origin, Path file, boolean enabled) {
        this(rule, origin, file, enabled, null);
    }

    public RuleEntry withOverwrite(TeamState.Overwrite o) {
        return new RuleEntry(rule, origin, file, enabled, o);
    }

    public String label() {
        return (enabled ? "● " : "○ ") + rule.id() + (origin == Origin.USER ? "  (user)" : "")
                + (overwrite == null ? "" : "  ⚠ overwritten by " + overwrite.by());
    }
}
