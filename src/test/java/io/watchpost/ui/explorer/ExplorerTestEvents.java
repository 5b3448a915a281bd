package io.watchpost.ui.explorer;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.normalize.SourceTypes;
import io.watchpost.store.Cache;
import io.watchpost.store.EventStore;
import io.watchpost.store.ExplorerServices;
import io.watchpost.ui.MainWindow;
import javafx.scene.Scene;
import org.testfx.api.FxToolkit;
import io.watchpost.testing.SampleEvents;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A few thousand varied events over the last six hours: CloudTrail JSON from several users and IPs, app text lines. */
final class ExplorerTestEvents {

    static final String TRAIL_GROUP = "/aws/cloudtrail/management";
    static final String APP_GROUP = "/ecs/payments-api";
    static final String[] USERS = {"alice", "bob", "ci-deployer", "root", "mallory"};
    static final String[] ACTIONS = {"ConsoleLogin", "AssumeRole", "PutBucketPolicy", "CreateAccessKey", "DeleteTrail"};
    /** One event every 7 s: 3,000 events span ~5.8 hours. */
    static final long SPACING_MILLIS = 7_000;

    private ExplorerTestEvents() {
    }

    static List<Event> events(int count, long newestMillis) {
        List<Event> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Instant time = Instant.ofEpochMilli(newestMillis - n * SPACING_MILLIS);
            out.add(n % 3 == 2 ? text(n, time) : cloudTrail(n, time));
        }
        return out;
    }

    /** Expected counts are computed from the same rules the generator uses. */
    static String userOf(int n) {
        return n % 3 == 2 ? null : USERS[n % USERS.length];
    }

    static Event cloudTrail(int n, Instant time) {
        String user = USERS[n % USERS.length];
        String action = ACTIONS[n % ACTIONS.length];
        boolean failed = n % 4 == 0;
        String ip = "203.0.113." + (n % 40 + 1);
        String key = "AKIA" + user.toUpperCase().replace("-", "") + "EXAMPLE";
        String raw = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"" + user
                + "\",\"accessKeyId\":\"" + key + "\"},\"eventTime\":\"" + time + "\",\"eventSource\":\"signin.amazonaws.com\","
                + "\"eventName\":\"" + action + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"" + ip + "\""
                + (failed ? ",\"errorCode\":\"AccessDenied\"" : "") + "}";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("userIdentity.type", "IAMUser");
        fields.put("userIdentity.userName", user);
        fields.put("userIdentity.accessKeyId", key);
        fields.put("eventSource", "signin.amazonaws.com");
        fields.put("eventName", action);
        fields.put("awsRegion", "eu-west-1");
        fields.put("sourceIPAddress", ip);
        if (failed) {
            fields.put("errorCode", "AccessDenied");
        }
        String message = action + " by " + user + " from " + ip + (failed ? " (AccessDenied)" : "");
        return new Event(time, time, TRAIL_GROUP, "123456789012_CloudTrail_eu-west-1", "ct-" + n,
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
        return new Event(time, time, APP_GROUP, "web/" + (n % 3), "tx-" + n, SourceTypes.TEXT, severity,
                null, null, null, null, raw, raw, Map.of(), null);
    }

    static void fill(EventStore store, List<Event> events) {
        for (int i = 0; i < events.size(); i += 1000) {
            store.append(events.subList(i, Math.min(events.size(), i + 1000)));
        }
    }

    /** Explorer tabs over {@code cache} in the test stage, 1280×800 with the app's stylesheet. */
    static ExplorerTabs show(Cache cache) throws java.util.concurrent.TimeoutException {
        java.util.concurrent.atomic.AtomicReference<ExplorerTabs> tabs = new java.util.concurrent.atomic.AtomicReference<>();
        FxToolkit.setupStage(stage -> {
            tabs.set(new ExplorerTabs(ExplorerServices.of(cache)));
            Scene scene = new Scene(tabs.get(), 1280, 800);
            scene.getStylesheets().add(MainWindow.stylesheet());
            stage.setScene(scene);
            stage.show();
        });
        return tabs.get();
    }

    /** The repository's sample data through the real normalizer: what the README screenshot shows. */
    static List<Event> sampleData(Path dir) throws IOException {
        return SampleEvents.normalized(dir);
    }
}
