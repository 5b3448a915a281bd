package io.watchpost.normalize;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns raw CloudWatch events into {@link Event}s, choosing a parser per event. Thread-safe: parsers are stateless,
 * settings immutable, and each call works on its own {@link EventDraft}.
 *
 * <h2>Detection (cheapest test first; a log group pinned in {@link NormalizerSettings} skips it)</h2>
 * <ol>
 *   <li>First non-blank character {@code '{'}: one streaming JSON pass ({@link JsonFlattener}), then by keys:
 *       CloudTrail ({@link CloudTrailParser}), GuardDuty / Security Hub via EventBridge ({@link FindingParser}),
 *       else application JSON ({@link AppJsonParser}).</li>
 *   <li>Lambda platform keyword or runtime prefix ({@link LambdaParser}).</li>
 *   <li>{@code <PRI>} or a month abbreviation: syslog ({@link SyslogParser}; auth or syslog).</li>
 *   <li>A group with a configured flow-log format: any line with the format's number of values; otherwise a line
 *       that looks like the default version-2 format: VPC flow ({@link VpcFlowParser}).</li>
 *   <li>Anything else: text ({@link TextParser}), not an error.</li>
 * </ol>
 *
 * <h2>Severity rules</h2>
 * Severity says how loud the event itself is, not how suspicious it is: root activity, CloudTrail tampering, brute
 * force or a login after many failures are detection's job and stay INFO here unless the rules below say otherwise.
 * <ul>
 *   <li>A failed attempt (CloudTrail error or failed sign-in, sshd/PAM/sudo/su failure) WARNING.</li>
 *   <li>A local account change (user or group created/deleted, locked, password changed, added to a group) NOTICE.</li>
 *   <li>VPC flow: ACCEPT INFO, REJECT NOTICE, NODATA DEBUG, SKIPDATA WARNING.</li>
 *   <li>Findings: their own severity (GuardDuty number, Security Hub label) mapped onto ours.</li>
 *   <li>Lambda: timeouts and error statuses ERROR; runtime lines their level.</li>
 *   <li>Syslog otherwise: the PRI severity, else the first level word; JSON: its level field, else the first level
 *       word of its message; text: the first level word (FATAL, ERROR, WARN …), else INFO.</li>
 * </ul>
 *
 * <h2>Category</h2>
 * ECS {@code event.category}: authentication (sign-ins, ssh logins, PAM failures, su), session, iam (IAM/STS calls,
 * local account changes), network (flow records, ssh connection events, EC2 network changes), process (sudo),
 * configuration / api (other CloudTrail calls that change / only read), threat (findings).
 *
 * <h2>Bad input</h2>
 * Never throws and never drops: malformed or truncated JSON, text that does not fit a pinned parser, and a format's
 * near-miss (a flow record with the wrong number of values) come back with the raw text unchanged as the message,
 * no fields, and {@link Event#parseError()} set to a short reason.
 */
public final class Normalizer {

    private static final int GROUP_CACHE_LIMIT = 10_000;

    private final JsonFlattener flattener = new JsonFlattener();
    private final Clock clock;
    private final NormalizerSettings settings;
    private final Map<String, GroupSettings> groupCache = new ConcurrentHashMap<>();

    private final CloudTrailParser cloudTrail = new CloudTrailParser();
    private final FindingParser guardDuty = new FindingParser(SourceTypes.GUARDDUTY);
    private final FindingParser securityHub = new FindingParser(SourceTypes.SECURITY_HUB);
    private final AppJsonParser appJson = new AppJsonParser();
    private final VpcFlowParser vpcFlow = new VpcFlowParser();
    private final SyslogParser syslog = new SyslogParser();
    private final LambdaParser lambda = new LambdaParser();
    private final TextParser text = new TextParser();

    public Normalizer(Clock clock, NormalizerSettings settings) {
        this.clock = clock;
        this.settings = settings == null ? NormalizerSettings.defaults() : settings;
    }

    public Normalizer(Clock clock) {
        this(clock, NormalizerSettings.defaults());
    }

    public Normalizer(NormalizerSettings settings) {
        this(Clock.systemUTC(), settings);
    }

    public Normalizer() {
        this(Clock.systemUTC(), NormalizerSettings.defaults());
    }

    public NormalizerSettings settings() {
        return settings;
    }

    public Event normalize(RawLogEvent raw) {
        Instant ingestTime = clock.instant();
        String message = raw.message() == null ? "" : raw.message();
        try {
            return parse(raw, message, ingestTime);
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug must not lose the event: keep it raw and say so
            return failed(raw, message, ingestTime, "parser failure: " + e.getClass().getSimpleName());
        }
    }

    private Event parse(RawLogEvent raw, String message, Instant ingestTime) {
        GroupSettings group = group(raw.logGroup());
        ParserChoice choice = group.parser();
        if (choice == ParserChoice.TEXT) {
            return run(text, new ParseInput(raw, message, null, group), raw, ingestTime, message);
        }
        int first = Texts.firstNonSpace(message);
        char c = first < 0 ? 0 : message.charAt(first);
        if (c == '{' && choice != ParserChoice.VPCFLOW && choice != ParserChoice.SYSLOG) {
            Map<String, String> fields;
            try {
                fields = flattener.flatten(message);
            } catch (JsonFlattener.MalformedJsonException e) {
                return failed(raw, message, ingestTime, "malformed JSON: " + e.getMessage());
            }
            ParseInput in = new ParseInput(raw, message, fields, group);
            return run(jsonParser(choice, fields), in, raw, ingestTime, message);
        }
        ParseInput in = new ParseInput(raw, message, null, group);
        switch (choice) {
            case CLOUDTRAIL, GUARDDUTY, SECURITYHUB, JSON -> {
                return failed(raw, message, ingestTime, "expected JSON for parser " + choice.name().toLowerCase());
            }
            case VPCFLOW -> {
                return runOrFail(vpcFlow, in, raw, ingestTime, message, vpcMismatch(message, group));
            }
            case SYSLOG -> {
                return runOrFail(syslog, in, raw, ingestTime, message, "not an RFC 3164 or RFC 5424 syslog line");
            }
            default -> {
                // AUTO and LAMBDA: detect
            }
        }
        if (LambdaParser.looksLikeLambda(message)) {
            return runOrText(lambda, in, raw, ingestTime, message);
        }
        if (SyslogParser.looksLikeSyslog(message)) {
            return runOrText(syslog, in, raw, ingestTime, message);
        }
        if (group.vpcFlowConfigured()) {
            // a configured group's records may start with any field (instance-id first in AWS's NAT example);
            // one that starts like a record but does not fit is a truncated record, anything else just text
            EventDraft d = new EventDraft();
            if (vpcFlow.parse(in, d)) {
                return d.build(raw, ingestTime, message);
            }
            if ((c >= '0' && c <= '9') || c == '-') {
                return failed(raw, message, ingestTime, vpcMismatch(message, group));
            }
        } else if (VpcFlowParser.looksLikeDefault(message)) {
            return runOrFail(vpcFlow, in, raw, ingestTime, message, vpcMismatch(message, group));
        }
        return run(text, in, raw, ingestTime, message);
    }

    private LogParser jsonParser(ParserChoice choice, Map<String, String> f) {
        return switch (choice) {
            case CLOUDTRAIL -> cloudTrail;
            case GUARDDUTY -> guardDuty;
            case SECURITYHUB -> securityHub;
            case JSON -> appJson;
            default -> {
                if (CloudTrailParser.matches(f)) {
                    yield cloudTrail;
                }
                String finding = FindingParser.kind(f);
                yield finding == null ? appJson : SourceTypes.GUARDDUTY.equals(finding) ? guardDuty : securityHub;
            }
        };
    }

    private static String vpcMismatch(String message, GroupSettings group) {
        var tokens = Texts.tokens(Texts.trimEnd(message), 4096);
        return "VPC flow record with " + (tokens == null ? "too many" : tokens.size()) + " values, the format has "
                + group.vpcFlow().size();
    }

    private Event run(LogParser parser, ParseInput in, RawLogEvent raw, Instant ingestTime, String message) {
        EventDraft d = in.json() == null ? new EventDraft() : new EventDraft(in.json());
        parser.parse(in, d);
        return d.build(raw, ingestTime, message);
    }

    private Event runOrText(LogParser parser, ParseInput in, RawLogEvent raw, Instant ingestTime, String message) {
        EventDraft d = new EventDraft();
        if (parser.parse(in, d)) {
            return d.build(raw, ingestTime, message);
        }
        return run(text, in, raw, ingestTime, message);
    }

    private Event runOrFail(LogParser parser, ParseInput in, RawLogEvent raw, Instant ingestTime, String message,
                            String reason) {
        EventDraft d = new EventDraft();
        if (parser.parse(in, d)) {
            return d.build(raw, ingestTime, message);
        }
        return failed(raw, message, ingestTime, reason);
    }

    private static Event failed(RawLogEvent raw, String message, Instant ingestTime, String reason) {
        EventDraft d = new EventDraft(Map.of());
        d.severity = SeverityWords.of(message);
        d.parseError = reason;
        return d.build(raw, ingestTime, message);
    }

    private GroupSettings group(String logGroup) {
        if (settings.logGroups().isEmpty() || logGroup == null) {
            return GroupSettings.DEFAULT;
        }
        GroupSettings g = groupCache.get(logGroup);
        if (g == null) {
            g = settings.resolve(logGroup);
            if (groupCache.size() < GROUP_CACHE_LIMIT) {
                groupCache.put(logGroup, g);
            }
        }
        return g;
    }

    /** Kept for callers of the first version: the keyword rule used for text. */
    static Severity severityFromWords(String text) {
        return SeverityWords.of(text);
    }

    static Instant time(String iso, long fallbackMillis) {
        Instant t = Timestamps.iso(iso);
        return t != null ? t : Instant.ofEpochMilli(fallbackMillis);
    }
}
