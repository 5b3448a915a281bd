package io.watchpost.bench;

import io.watchpost.source.ApiQuotas;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.BackfillProgress;
import io.watchpost.source.EngineOptions;
import io.watchpost.source.GroupSnapshot;
import io.watchpost.source.IngestEngine;
import io.watchpost.source.IngestMode;
import io.watchpost.source.RequestBudget;
import io.watchpost.source.SourceException;
import io.watchpost.source.emulator.CloudWatchLogsEmulator;
import io.watchpost.source.emulator.EmulatorException;
import io.watchpost.source.emulator.EmulatorOptions;
import io.watchpost.source.emulator.InputLogEvent;
import io.watchpost.source.emulator.QuotaGate;
import io.watchpost.source.emulator.RequestGate;
import io.watchpost.store.Cache;
import io.watchpost.store.StoredEvent;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingestion against CloudWatch's request quotas, enforced by the embedded endpoint: how much of what the quotas
 * allow Watchpost actually gets (goodput), and how fresh followed events are. The ratio is machine-independent as
 * long as the machine keeps up; the absolute figures are printed beside it.
 */
public final class IngestQuotaBench {

    /** ~1 MB pages: ten ~104 KB messages fill one (both read APIs stop a page before 1 MiB of messages). */
    static final int MESSAGE_BYTES = 104_000;
    static final int EVENTS_PER_PAGE = 10;
    static final int BUSY_STREAMS = 3;
    static final double FILTER_PER_S = 5;
    static final double GET_PER_S = 10;

    private IngestQuotaBench() {
    }

    /** Counts the ThrottlingExceptions the endpoint's quotas answer, i.e. what the client-side budget failed to avoid. */
    private static final class CountingGate implements RequestGate {
        final RequestGate inner;
        final AtomicLong throttled = new AtomicLong();

        CountingGate(RequestGate inner) {
            this.inner = inner;
        }

        @Override
        public void admit(String operation) {
            try {
                inner.admit(operation);
            } catch (EmulatorException e) {
                throttled.incrementAndGet();
                throw e;
            }
        }
    }

    public static void run(Path dir, double seconds, PrintStream out) throws Exception {
        goodput(dir.resolve("goodput-filter"), seconds, 0, out);
        goodput(dir.resolve("goodput"), seconds, BUSY_STREAMS, out);
        freshness(dir.resolve("freshness"), seconds, out);
    }

    /** @param busyStreams streams read with GetLogEvents beside FilterLogEvents (0: FilterLogEvents only) */
    static void goodput(Path dir, double seconds, int busyStreams, PrintStream out) throws Exception {
        QuotaGate quotas = QuotaGate.builder().limit("FilterLogEvents", FILTER_PER_S).limit("GetLogEvents", GET_PER_S)
                .limit("DescribeLogStreams", 25).limit("DescribeLogGroups", 10).build();
        CountingGate gate = new CountingGate(quotas);
        double getPerS = busyStreams == 0 ? 0 : GET_PER_S;
        double allowedBytesPerS = (FILTER_PER_S + getPerS) * EVENTS_PER_PAGE * MESSAGE_BYTES;
        // Data split as the quotas split the work: each busy stream gets GET_PER_S / BUSY_STREAMS pages a second of
        // budget, the FilterLogEvents lane FILTER_PER_S for the other streams together.
        int busyPages = busyStreams == 0 ? 0 : (int) Math.round(seconds * GET_PER_S / busyStreams);
        int quietPages = (int) Math.round(seconds * FILTER_PER_S);
        String group = "/bench/quota/busy-account";
        long t0 = System.currentTimeMillis() - 3_600_000;
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0), gate);
             Cache cache = Cache.open(dir.resolve("cache"))) {
            long total = 0;
            for (int s = 0; s < busyStreams; s++) {
                total += seedStream(emu, group, "busy-" + s, busyPages * EVENTS_PER_PAGE, t0, s);
            }
            int quietStreams = 4;
            for (int s = 0; s < quietStreams; s++) {
                total += seedStream(emu, group, "quiet-" + s, quietPages * EVENTS_PER_PAGE / quietStreams, t0 - 1, 10 + s);
            }
            EngineOptions options = EngineOptions.defaults().withLiveTail(false).withStreamLanes(busyStreams);
            BackfillProgress done;
            GroupSnapshot s;
            long began;
            try (IngestEngine engine = new IngestEngine(AwsSettings.embedded(emu.endpoint()), options,
                    new RequestBudget(ApiQuotas.awsDefaults()), cache.events())) {
                began = System.nanoTime(); // quota time starts with the first request, not with building the client
                try {
                    done = engine.startBackfill(group, null, null, p -> {
                    }).await();
                } catch (SourceException e) {
                    out.println("quota goodput: FAILED, an error reached the user: " + e.getMessage());
                    return;
                }
                s = engine.snapshot(group).orElseThrow();
            }
            double secs = (System.nanoTime() - began) / 1e9;
            // The quotas' buckets start full (one second's worth); the run is charged for that burst too.
            secs = Math.max(secs, 1e-3);
            double goodput = s.bytesRead() / secs;
            // What the quotas allow in that time: the endpoint's buckets start full (one second's worth), then refill.
            double pageBytes = EVENTS_PER_PAGE * MESSAGE_BYTES;
            double allowedBytes = (FILTER_PER_S + getPerS) * (secs + 1) * pageBytes;
            out.printf(Locale.ROOT, "quota goodput (%s): %s, %,d events, %.1f MB in %.2f s = %.2f MB/s; the quotas allow "
                            + "%.1f MB in that time (FilterLogEvents %.0f/s + GetLogEvents %.0f/s x %.2f MB pages, 1 s burst "
                            + "+ rate x time; %.2f MB/s sustained): ratio %.2f (target >= 0.90)%n",
                    busyStreams == 0 ? "FilterLogEvents only" : "FilterLogEvents + " + busyStreams + " GetLogEvents lanes",
                    done.state(), s.eventsStored(), s.bytesRead() / 1e6, secs, goodput / 1e6, allowedBytes / 1e6,
                    FILTER_PER_S, getPerS, pageBytes / 1e6, allowedBytesPerS / 1e6, s.bytesRead() / allowedBytes);
            out.printf(Locale.ROOT, "  time spent normalizing and committing, summed over the lanes: %.1f s%n", s.storeMillis() / 1e3);
            out.printf(Locale.ROOT, "  api calls %d, throttles answered by the endpoint %d (absorbed by retries), errors reaching the user %d%s%n",
                    s.apiCalls(), gate.throttled.get(), done.state() == IngestMode.DONE ? 0 : 1,
                    s.eventsStored() == total ? "" : ", MISSING " + (total - s.eventsStored()) + " events");
        }
    }

    private static long seedStream(CloudWatchLogsEmulator emu, String group, String stream, int count, long t0, int salt) {
        char[] body = new char[MESSAGE_BYTES - 40];
        Arrays.fill(body, (char) ('a' + salt % 26));
        String pad = new String(body);
        List<InputLogEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new InputLogEvent(t0 + i * 10L, String.format(Locale.ROOT, "%s %08d ", stream, i) + pad));
        }
        emu.logs().seed(group, stream, events);
        return count;
    }

    static void freshness(Path dir, double seconds, PrintStream out) throws Exception {
        CountingGate gate = new CountingGate(QuotaGate.awsDefaults());
        List<String> groups = List.of("/bench/fresh/app", "/bench/fresh/auth");
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0), gate);
             Cache cache = Cache.open(dir.resolve("cache"))) {
            for (String g : groups) {
                emu.logs().ensureStream(g, "producer");
            }
            // Two groups polled every 0.5 s: 4 FilterLogEvents a second, under the quota of 5.
            EngineOptions options = EngineOptions.defaults().withPollInterval(Duration.ofMillis(500))
                    .withOverlap(Duration.ofSeconds(10)).withInitialLookback(Duration.ofSeconds(5));
            List<Long> latencies = new ArrayList<>();
            long seq = cache.events().maxSeq();
            try (IngestEngine engine = new IngestEngine(AwsSettings.embedded(emu.endpoint()), options,
                    new RequestBudget(ApiQuotas.awsDefaults()), cache.events())) {
                for (String g : groups) {
                    engine.follow(g);
                }
                long end = System.currentTimeMillis() + (long) (seconds * 1000);
                int n = 0;
                while (System.currentTimeMillis() < end) {
                    long now = System.currentTimeMillis();
                    for (String g : groups) {
                        // 50 events a second per group, each carrying the time it was put.
                        List<InputLogEvent> batch = new ArrayList<>();
                        for (int i = 0; i < 5; i++) {
                            batch.add(new InputLogEvent(now, "{\"put\":" + now + ",\"n\":" + (n++) + "}"));
                        }
                        emu.logs().putLogEvents(g, "producer", batch);
                    }
                    seq = collect(cache, seq, latencies);
                    Thread.sleep(100);
                }
                long drain = System.currentTimeMillis() + 5_000;
                while (latencies.size() < n && System.currentTimeMillis() < drain) {
                    seq = collect(cache, seq, latencies);
                    Thread.sleep(20);
                }
                latencies.sort(null);
                long errors = 0;
                for (GroupSnapshot s : engine.snapshots()) {
                    errors += s.errors();
                    out.println("  " + s.statusLine());
                }
                out.printf(Locale.ROOT, "freshness while following %d groups (polling every 0.5 s; Live Tail unavailable at "
                                + "this endpoint): %d of %d events, put -> stored p50 %d ms, p95 %d ms, max %d ms (target p95 < 2000 ms); "
                                + "throttles answered by the endpoint %d, errors %d%n",
                        groups.size(), latencies.size(), n, pct(latencies, 0.5), pct(latencies, 0.95),
                        latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1), gate.throttled.get(), errors);
            }
        }
    }

    /** New rows since {@code seq}: put time (in the message) to now, the moment the row is visible in the cache. */
    private static long collect(Cache cache, long seq, List<Long> latencies) {
        long now = System.currentTimeMillis();
        for (StoredEvent e : cache.events().after(seq, 100_000)) {
            String raw = e.event().raw();
            int i = raw.indexOf("\"put\":");
            if (i >= 0) {
                long put = Long.parseLong(raw.substring(i + 6, raw.indexOf(',', i)));
                latencies.add(now - put);
            }
            seq = Math.max(seq, e.seq());
        }
        return seq;
    }

    private static long pct(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
