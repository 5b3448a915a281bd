package io.watchpost.ui;

import io.watchpost.source.IngestMetrics;
import io.watchpost.ui.common.RateMeter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateMeterTest {

    @Test
    void ratesAreDeltasOverElapsedSeconds() {
        RateMeter meter = new RateMeter();
        assertEquals(0, meter.next(snapshot(100, 120, 5_000), 1_000_000_000L).storedPerSecond(), "no interval yet");
        RateMeter.Rates rates = meter.next(snapshot(150, 200, 9_000), 3_000_000_000L);
        assertEquals(25.0, rates.storedPerSecond(), 1e-9);
        assertEquals(40.0, rates.readPerSecond(), 1e-9);
        assertEquals(2_000.0, rates.bytesPerSecond(), 1e-9);
    }

    private static IngestMetrics.Snapshot snapshot(long stored, long read, long bytes) {
        return new IngestMetrics.Snapshot(read, stored, 0, 0, 0, bytes, 0, null);
    }
}
