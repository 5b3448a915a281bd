package io.watchpost.detect;

import java.util.Locale;
import java.util.Optional;

/** How urgent an alert is, in Sigma's words, least to most. */
public enum RuleSeverity {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    public static Optional<RuleSeverity> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("INFO")) {
            return Optional.of(INFORMATIONAL);
        }
        for (RuleSeverity s : values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
