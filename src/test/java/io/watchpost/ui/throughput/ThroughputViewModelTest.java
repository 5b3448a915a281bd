package io.watchpost.ui.throughput;

import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import io.watchpost.source.IngestHistory;
import io.watchpost.source.IngestMetrics;
import io.watchpost.source.RecordedIngest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A chart opened after ingestion started draws what was stored before its first sample, second by second. */
class ThroughputViewModelTest {

    private ThroughputViewModel viewModel;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the visible window is handed to the FX thread
    }

    @AfterEach
    void stop() {
        if (viewModel != null) {
            viewModel.shutdown();
        }
    }

    @Test
    void aBurstBeforeTheFirstSampleIsDrawnPerSecond() throws InterruptedException {
        long start = System.currentTimeMillis() - 5_000;
        long[] now = {start};
        IngestHistory history = new IngestHistory(() -> now[0]);
        IngestMetrics metrics = new IngestMetrics(history);
        // Five seconds ago the demo's history arrived in a burst: 20,000 events in two seconds, then a trickle.
        RecordedIngest.page(metrics, 12_000);
        now[0] += 1_000;
        RecordedIngest.page(metrics, 8_000);
        now[0] += 1_000;
        RecordedIngest.page(metrics, 30);
        now[0] = System.currentTimeMillis();

        viewModel = new ThroughputViewModel(metrics);
        viewModel.start();
        CircularDoubleErrorDataSet stored = viewModel.storedPerSecond();
        List<Double> ys = waitForPoints(stored, 3);

        assertEquals(List.of(12_000.0, 8_000.0, 30.0), ys.subList(0, 3), "each second of the burst, as stored");
        double firstX = stored.lock().readLockGuard(() -> stored.get(0, 0));
        assertEquals(Math.floorDiv(start, 1000) + 1.0, firstX, "a second's point stands at its end");
    }

    private static List<Double> waitForPoints(CircularDoubleErrorDataSet ds, int count) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            List<Double> ys = ds.lock().readLockGuard(() -> {
                List<Double> out = new ArrayList<>();
                for (int p = 0; p < ds.getDataCount(); p++) {
                    out.add(ds.get(1, p));
                }
                return out;
            });
            if (ys.size() >= count) {
                return ys;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " points drawn");
    }
}
