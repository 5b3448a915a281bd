package io.watchpost.ui.dashboard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UI stall bench, headless. Short by default (a smoke run at a modest rate, so the suite stays quick on a shared
 * machine); {@code -Dwatchpost.bench.uistall=full} runs the real thing (10 s idle, 5 s warm-up, 20 s paused and 20 s live at 50,000 events/s) and
 * fails unless the FX thread never stalls 50 ms.
 */
class UiStallBenchTest {

    @TempDir
    Path dir;

    @Test
    void pulsesKeepComingWhileTheCacheIngestsWithTheDashboardOpen() throws Exception {
        boolean full = "full".equals(System.getProperty("watchpost.bench.uistall"));
        UiStallBench.Result result = UiStallBench.run(System.out, dir,
                full ? UiStallBench.Options.FULL : new UiStallBench.Options(3, 2, 5, 5_000));
        assertTrue(result.loaded().pulses() > 100, "pulses ran: " + result.loaded());
        assertTrue(result.loaded().refreshes() >= 2, "the dashboard refreshed while loaded: " + result.loaded());
        if (full) {
            assertTrue(result.passed(), result.toString());
        }
    }
}
