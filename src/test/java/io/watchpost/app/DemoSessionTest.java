package io.watchpost.app;

import io.watchpost.normalize.Event;
import io.watchpost.query.FilterParser;
import io.watchpost.query.SqlCompiler;
import io.watchpost.store.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo serves the sample data as live log groups, moved to now, and the poller caches it through the SDK. */
class DemoSessionTest {

    @TempDir
    Path dir;

    @Test
    void sampleDataArrivesMovedToNowAndKeepsArriving() throws Exception {
        try (DemoSession demo = DemoSession.start(dir.resolve("demo"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (demo.cache().events().count() < 25_000 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long history = demo.cache().events().count();
            assertTrue(history >= 25_000, "the sample history is cached: " + history);

            for (String group : List.of("/aws/cloudtrail/management", "/aws/vpc/flowlogs", "/var/log/secure",
                    "/aws/lambda/payments-api", "/app/orders-service")) {
                assertTrue(demo.cache().events().count(SqlCompiler.compile(FilterParser.parse("logGroup = " + group))) > 100, group);
            }
            // CloudTrail's own eventTime (inside the record) was moved with the CloudWatch timestamp.
            List<StoredEvent> trail = demo.cache().events().find(
                    SqlCompiler.compile(FilterParser.parse("sourceType = cloudtrail")), 50, true);
            Instant now = Instant.now();
            for (StoredEvent s : trail) {
                Event e = s.event();
                assertTrue(Duration.between(e.eventTime(), now).abs().compareTo(Duration.ofHours(3)) < 0, e.eventTime().toString());
                assertEquals(e.eventTime().getEpochSecond(), Instant.parse(e.fields().get("eventTime")).getEpochSecond());
            }
            // And new events keep landing (about 4 a second in the sample timeline).
            long before = demo.cache().events().count();
            deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (demo.cache().events().count() <= before && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(demo.cache().events().count() > before, "live events keep arriving");
        }
    }
}
