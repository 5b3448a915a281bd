package io.watchpost.normalize;

import java.time.Instant;
import java.util.Map;

/**
 * The mutable, single-use scratch pad one parser fills for one event before it becomes an immutable {@link Event}.
 * Never shared between threads: the {@link Normalizer} makes one per call.
 */
final class EventDraft {
    Instant eventTime;
    String sourceType = SourceTypes.TEXT;
    Severity severity = Severity.INFO;
    String action;
    String outcome;
    String user;
    String sourceIp;
    String message;
    String parseError;
    final Map<String, String> fields;

    EventDraft(Map<String, String> fields) {
        this.fields = fields;
    }

    EventDraft() {
        this(new OwnedFields());
    }

    /**
     * Adds an ECS (or other derived) field unless the record already carries a field of that name: the original
     * fields stay what the source wrote, so derived names never overwrite them.
     */
    void put(String key, String value) {
        if (value != null && !value.isEmpty()) {
            fields.putIfAbsent(key, value);
        }
    }

    /** Fills the record-level fields and their ECS twins together, so they can never disagree. */
    void action(String value) {
        action = value;
        put(Ecs.EVENT_ACTION, value);
    }

    void outcome(String value) {
        outcome = value;
        put(Ecs.EVENT_OUTCOME, value);
    }

    void user(String value) {
        user = value == null || value.isEmpty() ? null : value;
        put(Ecs.USER_NAME, user);
    }

    /** The acting address: kept on the record and as {@code source.ip} only when it is an IP address. */
    void sourceIp(String value) {
        if (value != null && Texts.isIp(value)) {
            sourceIp = value;
            put(Ecs.SOURCE_IP, value);
        } else if (value != null && !value.isEmpty()) {
            put(Ecs.SOURCE_ADDRESS, value);
        }
    }

    Event build(RawLogEvent raw, Instant ingestTime, String rawText) {
        Instant time = eventTime != null ? eventTime : Instant.ofEpochMilli(raw.timestamp());
        return new Event(time, ingestTime, raw.logGroup() == null ? "" : raw.logGroup(), raw.logStream(), raw.eventId() == null ? "" : raw.eventId(),
                sourceType, severity, action, outcome, user, sourceIp, message == null ? rawText : message, rawText,
                fields, parseError);
    }
}
