package io.watchpost.source.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures how fast a one-million-event group is served to the real SDK client over loopback, and checks that
 * a page deep into the group costs no more than one at its start (the index, not a scan, finds the position).
 */
class ServingRateTest {

    private static final int STREAMS = 50;
    private static final int EVENTS = 1_000_000;

    @Test
    void servesAMillionEventGroupQuicklyThroughTheSdk() throws Exception {
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
             CloudWatchLogsClient cw = SdkClients.client(emu)) {
            long base = System.currentTimeMillis() - 3_600_000L;
            for (int s = 0; s < STREAMS; s++) {
                List<InputLogEvent> events = new ArrayList<>(EVENTS / STREAMS);
                for (int i = s; i < EVENTS; i += STREAMS) {
                    events.add(new InputLogEvent(base + i / 3, "2025-01-01T00:00:00Z INFO user=u" + (i % 997)
                            + " action=login src=10.0." + (i % 255) + ".1 seq=" + i));
                }
                emu.logs().seed("/perf", "stream-" + s, events);
            }
            assertEquals(EVENTS, emu.logs().eventCount("/perf"));

            drain(cw, 200_000); // JIT warm-up of both sides

            long t0 = System.nanoTime();
            long served = drain(cw, Long.MAX_VALUE);
            double secs = (System.nanoTime() - t0) / 1e9;
            double rate = served / secs;
            System.out.printf("EMULATOR SERVING RATE: %d events in %.2f s = %.0f events/s through the SDK%n",
                    served, secs, rate);
            assertEquals(EVENTS, served);
            assertTrue(rate > 50_000, "serving rate collapsed: " + rate);

            // Paging cost must not grow with depth: time in-process pages at the start and near the end.
            String deep = null;
            FilterRequest all = FilterRequest.all("/perf");
            FilterPage p = emu.logs().filterLogEvents(all);
            for (int i = 0; i < 95; i++) {
                p = emu.logs().filterLogEvents(all.withNextToken(p.nextToken()));
            }
            deep = p.nextToken();
            long startCost = timePages(emu.logs(), all);
            long deepCost = timePages(emu.logs(), all.withNextToken(deep));
            System.out.printf("EMULATOR PAGE COST: first page %.2f ms, page at 960k %.2f ms%n", startCost / 1e6,
                    deepCost / 1e6);
            assertTrue(deepCost < startCost * 3 + 5_000_000L, "deep page is much slower: a scan, not a seek");
        }
    }

    private static long drain(CloudWatchLogsClient cw, long max) {
        long n = 0;
        String token = null;
        do {
            String t = token;
            FilterLogEventsResponse r = cw.filterLogEvents(b -> b.logGroupName("/perf").nextToken(t));
            n += r.events().size();
            token = r.nextToken();
        } while (token != null && n < max);
        if (max == Long.MAX_VALUE) {
            assertNull(token);
        }
        return n;
    }

    private static long timePages(EmulatedLogs logs, FilterRequest req) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            logs.filterLogEvents(req);
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }
}
