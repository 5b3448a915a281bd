package io.watchpost.ui;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.normalize.SourceTypes;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic events for window tests: CloudTrail JSON, application text lines, and ones that failed to parse. */
final class TestEvents {

    static final String TRAIL_GROUP = "/aws/cloudtrail/management";
    static final String APP_GROUP = "/ecs/payments-api";

    private static final String[] USERS = {"alice", "bob", "ci-deployer", "root"};
    private static final String[] ACTIONS = {"ConsoleLogin", "AssumeRole", "PutBucketPolicy", "CreateAccessKey", "DeleteTrail"};

    private TestEvents() {
    }

    /** Events built directly, as a normalizer would: {@code round} keeps their ids unique across calls. */
    static List<Event> direct(int round, int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = round * 1000 + i;
            Instant time = Instant.now();
            switch (i % 3) {
                case 0 -> events.add(cloudTrail(n, time));
                case 1 -> events.add(text(n, time));
                default -> events.add(parseError(n, time));
            }
        }
        return events;
    }

    static Event cloudTrail(int n, Instant time) {
        String user = USERS[n % USERS.length];
        String action = ACTIONS[n % ACTIONS.length];
        boolean failed = n % 4 == 0;
        String ip = "203.0.113." + (n % 250 + 1);
        String raw = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"" + user
                + "\",\"accountId\":\"123456789012\"},\"eventTime\":\"" + time + "\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"" + action + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"" + ip + "\""
                + (failed ? ",\"errorCode\":\"AccessDenied\"" : "") + "}";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventVersion", "1.08");
        fields.put("userIdentity.type", "IAMUser");
        fields.put("userIdentity.userName", user);
        fields.put("userIdentity.accountId", "123456789012");
        fields.put("eventTime", time.toString());
        fields.put("eventSource", "signin.amazonaws.com");
        fields.put("eventName", action);
        fields.put("awsRegion", "eu-west-1");
        fields.put("sourceIPAddress", ip);
        if (failed) {
            fields.put("errorCode", "AccessDenied");
        }
        String message = action + " by " + user + " from " + ip + " on signin.amazonaws.com" + (failed ? " (AccessDenied)" : "");
        return new Event(time, Instant.now(), TRAIL_GROUP, "123456789012_CloudTrail_eu-west-1", "direct-ct-" + n,
                SourceTypes.CLOUDTRAIL, failed ? Severity.WARNING : Severity.INFO, action, failed ? "failure" : "success",
                user, ip, message, raw, fields, null);
    }

    static Event text(int n, Instant time) {
        Severity severity = switch (n % 5) {
            case 0 -> Severity.ERROR;
            case 1 -> Severity.DEBUG;
            case 2 -> Severity.CRITICAL;
            default -> Severity.INFO;
        };
        String raw = time + " " + severity + " [payments] request " + n + " handled in " + (n % 97) + " ms";
        return new Event(time, Instant.now(), APP_GROUP, "web/" + (n % 3), "direct-tx-" + n, SourceTypes.TEXT, severity,
                null, null, null, null, raw, raw, Map.of(), null);
    }

    static Event parseError(int n, Instant time) {
        String raw = "{\"level\":\"error\",\"msg\":\"truncated payload " + n;
        return new Event(time, Instant.now(), APP_GROUP, "web/0", "direct-pe-" + n, SourceTypes.TEXT, Severity.ERROR,
                null, null, null, null, raw, raw, Map.of(), "malformed JSON: unexpected end-of-input");
    }

    /** A page as CloudWatch returns it, for {@code IngestPipeline.storePage}; every fifth is malformed JSON. */
    static List<FilteredLogEvent> cloudWatchPage(int round, int count) {
        List<FilteredLogEvent> page = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < count; i++) {
            int n = round * 1000 + i;
            String message = i % 5 == 4
                    ? "{\"eventVersion\":\"1.08\",\"eventName\":"
                    : cloudTrail(n, Instant.ofEpochMilli(now)).raw();
            page.add(FilteredLogEvent.builder().eventId("cw-" + n).logStreamName("123456789012_CloudTrail_eu-west-1")
                    .timestamp(now).ingestionTime(now).message(message).build());
        }
        return page;
    }
}
