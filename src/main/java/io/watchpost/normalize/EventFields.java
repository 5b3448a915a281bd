package io.watchpost.normalize;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An event's fields, read-only, in source order, with the case-blind lookup the filter language promises
 * ({@code userIdentity.Type} finds {@code userIdentity.type}).
 * <p>
 * Why a class of its own: detection asks each event for the fields of every rule that could apply, and most of those
 * fields are absent. A case-blind miss used to walk all ~50 keys once per rule and event, the largest single cost of
 * rule evaluation. The first case-blind lookup builds a lower-case index instead, and every later one is a hash probe.
 */
public final class EventFields extends AbstractMap<String, String> {

    private final Map<String, String> fields;
    /** Lower-cased key → value of the first key (in source order) with that lower-case form; built on first use. */
    private volatile Map<String, String> folded;

    EventFields(Map<String, String> fields) {
        this.fields = fields;
    }

    /**
     * The exact key's value, else the value of the first key equal ignoring case; null when absent. Keys that lower-case
     * differently from how {@link String#equalsIgnoreCase} compares them (a few non-ASCII letters) fall back to a scan.
     */
    public String getIgnoringCase(String key) {
        String v = fields.get(key);
        if (v != null || fields.isEmpty()) {
            return v;
        }
        v = folded().get(key.toLowerCase(Locale.ROOT));
        if (v != null || isAscii(key)) {
            return v;
        }
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getValue() != null && e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private Map<String, String> folded() {
        Map<String, String> f = folded;
        if (f == null) {
            f = new HashMap<>(fields.size() * 2);
            for (Map.Entry<String, String> e : fields.entrySet()) {
                if (e.getValue() != null) {
                    f.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
                }
            }
            folded = f;
        }
        return f;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String get(Object key) {
        return fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Collections.unmodifiableMap(fields).entrySet();
    }
}
