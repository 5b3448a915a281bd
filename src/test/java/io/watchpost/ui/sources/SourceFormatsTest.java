package io.watchpost.ui.sources;

import io.watchpost.source.BackfillProgress;
import io.watchpost.source.GroupSnapshot;
import io.watchpost.source.IngestMode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words and numbers the Sources view shows, and the range its pickers spell, without a toolkit. */
class SourceFormatsTest {

    @Test
    void durationsRatesAndSizes() {
        assertEquals("—", SourceFormats.duration(-1));
        assertEquals("850 ms", SourceFormats.duration(850));
        assertEquals("12 s", SourceFormats.duration(12_400));
        assertEquals("3 min 5 s", SourceFormats.duration(185_000));
        assertEquals("2 h 10 min", SourceFormats.duration(7_800_000));
        assertEquals("0.5", SourceFormats.rate(0.5));
        assertEquals("1,234", SourceFormats.rate(1234.4));
        assertEquals("512 B/s", SourceFormats.bytesPerSecond(512));
        assertEquals("6.1 KB/s", SourceFormats.bytesPerSecond(6_246));
        assertEquals("≤50 ms / ≤2 s", SourceFormats.latency(50, 2_000));
        assertEquals("12:00:05 (10 s ago)", SourceFormats.when(1_700_000_405_000L - 1_700_000_405_000L % 86_400_000L
                + 43_205_000, 1_700_000_405_000L - 1_700_000_405_000L % 86_400_000L + 43_215_000, ZoneOffset.UTC));
    }

    @Test
    void backfillLines() {
        BackfillProgress running = new BackfillProgress("/g", 0, 10, 1_500, 0.25, 65_000, IngestMode.BACKFILL, null);
        assertEquals("1,500 events · 25% · ETA 1 min 5 s", SourceFormats.backfill(running, false));
        assertTrue(SourceFormats.backfill(running, true).startsWith("Cancelling… "));
        assertEquals("Done: 30,000 events", SourceFormats.backfill(
                new BackfillProgress("/g", 0, 10, 30_000, 1, 0, IngestMode.DONE, null), false));
        assertEquals("Failed after 0 events: access denied", SourceFormats.backfill(
                new BackfillProgress("/g", 0, 10, 0, 0, -1, IngestMode.FAILED, "access denied"), false));
    }

    @Test
    void rangeFromPickersAndPresets() {
        BackfillRange r = BackfillRange.of(LocalDate.of(2026, 1, 10), "08:00", LocalDate.of(2026, 1, 10), "09:30:15",
                ZoneOffset.UTC);
        assertEquals(1_768_032_000_000L, r.startMillis());
        assertEquals(r.startMillis() + 5_415_000, r.endMillis());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> BackfillRange.of(
                LocalDate.of(2026, 1, 10), "8 o'clock", LocalDate.of(2026, 1, 10), "09:00", ZoneOffset.UTC));
        assertTrue(bad.getMessage().contains("start time"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackfillRange.of(LocalDate.of(2026, 1, 10), "10:00",
                LocalDate.of(2026, 1, 10), "09:00", ZoneOffset.UTC));
        assertEquals(new BackfillRange(1_000_000 - 3_600_000, 1_000_000), RangePreset.LAST_HOUR.endingAt(1_000_000));
    }

    @Test
    void modeTooltipSaysWhyItPolls() {
        GroupSnapshot polling = new GroupSnapshot("/g", IngestMode.POLLING, 100_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                -1, -1, -1, -1, null, 0, List.of());
        assertEquals("Polling: Live Tail unavailable — not at this endpoint",
                new SourceStatus(polling, "not at this endpoint", null).modeTooltip());
        SourceStatus failedFollow = new SourceStatus(polling, null, "the engine is stopped");
        assertEquals(IngestMode.FAILED, failedFollow.mode());
        assertEquals("Failed: the engine is stopped", failedFollow.modeTooltip());
    }
}
