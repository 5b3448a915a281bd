package io.watchpost.store;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The event fields that have their own column, under every name an analyst may use for them: the model's names and
 * Elastic Common Schema names. Fields not listed live in the flattened {@code fields} JSON.
 */
public final class EventColumns {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("loggroup", "log_group"), Map.entry("log_group", "log_group"), Map.entry("log.group", "log_group"),
            Map.entry("logstream", "log_stream"), Map.entry("log_stream", "log_stream"), Map.entry("log.stream", "log_stream"),
            Map.entry("eventid", "event_id"), Map.entry("event_id", "event_id"), Map.entry("event.id", "event_id"),
            Map.entry("sourcetype", "source_type"), Map.entry("source_type", "source_type"), Map.entry("event.dataset", "source_type"),
            Map.entry("severity", "severity"), Map.entry("log.level", "severity"),
            Map.entry("action", "action"), Map.entry("event.action", "action"),
            Map.entry("outcome", "outcome"), Map.entry("event.outcome", "outcome"),
            Map.entry("user", "user_name"), Map.entry("user.name", "user_name"),
            Map.entry("sourceip", "source_ip"), Map.entry("source_ip", "source_ip"), Map.entry("source.ip", "source_ip"),
            Map.entry("message", "message"),
            Map.entry("parseerror", "parse_error"), Map.entry("parse_error", "parse_error"));

    private static final Map<String, String> TIME_COLUMNS = Map.of(
            "eventtime", "event_time", "event_time", "event_time", "@timestamp", "event_time",
            "ingesttime", "ingest_time", "ingest_time", "ingest_time", "event.ingested", "ingest_time");

    /** Columns whose values are IPv4/IPv6 addresses, and the indexed generated column (V4) holding the IPv4 as a number. */
    private static final Map<String, String> IPV4_NUMBER_COLUMNS = Map.of("source_ip", "source_ip_v4");

    /** The column holding the flattened fields as JSON text. */
    public static final String FIELDS = "fields";

    private EventColumns() {
    }

    /** The BIGINT column holding {@code column}'s IPv4 address as an unsigned number (null when not IPv4), if any. */
    public static Optional<String> ipv4NumberColumn(String column) {
        return Optional.ofNullable(IPV4_NUMBER_COLUMNS.get(column));
    }

    /** True for the severity column, whose values are {@link io.watchpost.normalize.Severity} names, in order. */
    public static boolean isSeverity(String column) {
        return "severity".equals(column);
    }

    /**
     * Names that some source also uses for a field of its own, in another case: CloudTrail's {@code eventID} is the
     * record's UUID, not CloudWatch's eventId. Only the exact spelling given here names the column.
     */
    private static final Map<String, String> EXACT_ONLY = Map.of("eventid", "eventId");

    /** The text column holding {@code field}, matched case-insensitively (but see {@link #EXACT_ONLY}), if it has one. */
    public static Optional<String> textColumn(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        String exact = EXACT_ONLY.get(lower);
        if (exact != null && !exact.equals(field)) {
            return Optional.empty();
        }
        return Optional.ofNullable(COLUMNS.get(lower));
    }

    /** The epoch-millisecond column holding {@code field}, if it is one of the event's times. */
    public static Optional<String> timeColumn(String field) {
        return Optional.ofNullable(TIME_COLUMNS.get(field.toLowerCase(Locale.ROOT)));
    }
}
