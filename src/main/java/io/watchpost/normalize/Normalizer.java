package io.watchpost.normalize;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns raw CloudWatch events into {@link Event}s. JSON messages are flattened (CloudTrail records recognised and
 * their common fields lifted out); anything else is kept as text with a severity guessed from its words.
 * Never throws on bad input: a message that cannot be parsed is kept raw with {@link Event#parseError()} set.
 */
public final class Normalizer {

    private static final Pattern SEVERITY_WORD = Pattern.compile(
            "\\b(FATAL|CRITICAL|CRIT|EMERG|ALERT|ERROR|ERR|WARNING|WARN|NOTICE|DEBUG|TRACE)\\b",
            Pattern.CASE_INSENSITIVE);

    private final JsonFlattener flattener = new JsonFlattener();
    private final Clock clock;

    public Normalizer(Clock clock) {
        this.clock = clock;
    }

    public Normalizer() {
        this(Clock.systemUTC());
    }

    public Event normalize(RawLogEvent raw) {
        Instant ingestTime = clock.instant();
        String message = raw.message() == null ? "" : raw.message();
        if (looksLikeJson(message)) {
            try {
                Map<String, String> fields = flattener.flatten(message);
                return isCloudTrail(fields) ? cloudTrail(raw, ingestTime, fields) : json(raw, ingestTime, fields);
            } catch (JsonFlattener.MalformedJsonException e) {
                return new Event(Instant.ofEpochMilli(raw.timestamp()), ingestTime, raw.logGroup(), raw.logStream(),
                        raw.eventId(), SourceTypes.TEXT, severityFromWords(message), null, null, null, null,
                        message, message, Map.of(), "malformed JSON: " + e.getMessage());
            }
        }
        return new Event(Instant.ofEpochMilli(raw.timestamp()), ingestTime, raw.logGroup(), raw.logStream(),
                raw.eventId(), SourceTypes.TEXT, severityFromWords(message), null, null, null, null,
                message, message, Map.of(), null);
    }

    private static boolean looksLikeJson(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static boolean isCloudTrail(Map<String, String> f) {
        return f.containsKey("eventVersion") && f.containsKey("eventSource") && f.containsKey("eventName");
    }

    private static Event cloudTrail(RawLogEvent raw, Instant ingestTime, Map<String, String> f) {
        String errorCode = f.get("errorCode");
        String consoleResult = f.get("responseElements.ConsoleLogin");
        String outcome = errorCode != null || "Failure".equals(consoleResult) ? "failure" : "success";
        String user = firstNonNull(f.get("userIdentity.userName"),
                f.get("userIdentity.sessionContext.sessionIssuer.userName"),
                "Root".equals(f.get("userIdentity.type")) ? "root" : null,
                f.get("userIdentity.arn"), f.get("userIdentity.principalId"));
        String action = f.get("eventName");
        String message = action + " by " + (user == null ? "?" : user) + " from " + f.getOrDefault("sourceIPAddress", "?")
                + " on " + f.get("eventSource") + (errorCode == null ? "" : " (" + errorCode + ")");
        Severity severity = "failure".equals(outcome) ? Severity.WARNING : Severity.INFO;
        return new Event(time(f.get("eventTime"), raw.timestamp()), ingestTime, raw.logGroup(), raw.logStream(),
                raw.eventId(), SourceTypes.CLOUDTRAIL, severity, action, outcome, user, f.get("sourceIPAddress"),
                message, raw.message(), f, null);
    }

    private static Event json(RawLogEvent raw, Instant ingestTime, Map<String, String> f) {
        String level = firstNonNull(f.get("level"), f.get("severity"), f.get("log.level"), f.get("levelname"));
        String text = firstNonNull(f.get("message"), f.get("msg"), raw.message());
        return new Event(time(firstNonNull(f.get("timestamp"), f.get("@timestamp"), f.get("time")), raw.timestamp()),
                ingestTime, raw.logGroup(), raw.logStream(), raw.eventId(), SourceTypes.JSON,
                level == null ? severityFromWords(text) : Severity.fromWord(level),
                firstNonNull(f.get("event.action"), f.get("action")), f.get("event.outcome"),
                firstNonNull(f.get("user.name"), f.get("user"), f.get("userName"), f.get("user.id")),
                firstNonNull(f.get("source.ip"), f.get("client_ip"), f.get("clientIp"), f.get("ip")),
                text, raw.message(), f, null);
    }

    /** ISO-8601 with an offset, as CloudTrail and most JSON loggers write it; CloudWatch's timestamp otherwise. */
    static Instant time(String iso, long fallbackMillis) {
        if (iso != null && iso.length() >= 20 && iso.charAt(4) == '-') {
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException ignored) {
                // not the form we know: CloudWatch's own timestamp is the honest fallback
            }
        }
        return Instant.ofEpochMilli(fallbackMillis);
    }

    static Severity severityFromWords(String text) {
        var m = SEVERITY_WORD.matcher(text.length() > 512 ? text.substring(0, 512) : text);
        return m.find() ? Severity.fromWord(m.group(1).toUpperCase(Locale.ROOT)) : Severity.INFO;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
