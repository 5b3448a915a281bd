package io.watchpost.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffAndStatusTest {

    @Test
    void delaysDoubleUpToTheMaximumWithJitterInTheUpperHalf() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999999);
        assertEquals(500, low.delay(1).toMillis());
        assertEquals(999, high.delay(1).toMillis());
        assertEquals(2000, low.delay(3).toMillis());
        assertEquals(15_000, low.delay(10).toMillis(), "capped at max, jitter still applies");
        assertTrue(high.delay(100).toMillis() < 30_000);
        Backoff random = Backoff.of(Duration.ofMillis(100), Duration.ofSeconds(5));
        for (int i = 1; i < 50; i++) {
            long d = random.delay(i).toMillis();
            assertTrue(d >= 50 && d <= 5000, "within bounds: " + d);
        }
    }

    @Test
    void describeSaysOfflineAndHowFarBehind() {
        SyncStatus offline = new SyncStatus(SyncStatus.State.OFFLINE, 12_345, 0, null, "cannot connect", Instant.EPOCH);
        assertEquals("offline — 12,345 events behind", offline.describe());
        assertEquals("up to date", new SyncStatus(SyncStatus.State.IDLE, 0, 0, Instant.EPOCH, null, null).describe());
        assertEquals("syncing — 10 events behind (2500 rows/s)",
                new SyncStatus(SyncStatus.State.SYNCING, 10, 2500, null, null, null).describe());
    }
}
