package io.watchpost.normalize;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One normalized event: the single model every parser produces and every other part of Watchpost reads.
 * Identity is (logGroup, eventId), as CloudWatch Logs assigns it.
 *
 * @param eventTime  when the event happened, UTC (the format's own time field when it has one, else CloudWatch's timestamp)
 * @param ingestTime when Watchpost normalized it, UTC
 * @param sourceType the detected format, one of {@link SourceTypes}
 * @param action     what was done (CloudTrail eventName, sshd verb …), or null
 * @param outcome    success / failure / unknown, or null
 * @param user       the acting principal, or null
 * @param sourceIp   the acting address, or null
 * @param message    a human-readable line for tables
 * @param raw        the message exactly as received; never altered, so nothing is lost when parsing fails
 * @param fields     every other field, flattened with dotted keys, in source order; read-only, an {@link EventFields}
 * @param parseError why parsing failed, or null when it did not
 */
public record Event(Instant eventTime, Instant ingestTime, String logGroup, String logStream, String eventId,
                    String sourceType, Severity severity, String action, String outcome, String user,
                    String sourceIp, String message, String raw, Map<String, String> fields, String parseError) {

    public Event {
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(ingestTime, "ingestTime");
        Objects.requireNonNull(logGroup, "logGroup");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(severity, "severity");
        // a map the normalizer built for this event alone is wrapped, not copied; any other is copied defensively
        fields = fields instanceof EventFields ? fields : new EventFields(fields == null ? Map.of()
                : fields instanceof OwnedFields ? fields : new java.util.LinkedHashMap<>(fields));
    }

    public boolean hasParseError() {
        return parseError != null;
    }
}
