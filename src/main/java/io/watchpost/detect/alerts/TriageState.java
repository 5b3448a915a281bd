package io.watchpost.detect.alerts;

import java.util.Locale;

/** Where an analyst has got with an alert; stored by its lower-case name. */
public enum TriageState {
    NEW, ACKNOWLEDGED, CLOSED_TRUE_POSITIVE, CLOSED_FALSE_POSITIVE;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TriageState fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean closed() {
        return this == CLOSED_TRUE_POSITIVE || this == CLOSED_FALSE_POSITIVE;
    }

    /** For people: "closed (false positive)". */
    public String label() {
        return switch (this) {
            case NEW -> "new";
            case ACKNOWLEDGED -> "acknowledged";
            case CLOSED_TRUE_POSITIVE -> "closed (true positive)";
            case CLOSED_FALSE_POSITIVE -> "closed (false positive)";
        };
    }
}
