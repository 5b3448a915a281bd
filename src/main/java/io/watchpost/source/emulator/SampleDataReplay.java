package io.watchpost.source.emulator;

import io.watchpost.background.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves sample data as live log groups: the recorded timeline is moved so that most of it lies in the recent past
 * (put at once, as history) and the rest arrives as its moment comes, then the timeline repeats, moved on by its
 * length. Times inside the messages are moved too, so a replayed CloudTrail record's eventTime is "now" as well.
 */
public final class SampleDataReplay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SampleDataReplay.class);
    /** Share of the timeline that is history at start; the rest trickles in live. */
    private static final double HISTORY_SHARE = 0.9;

    private final EmulatedLogs logs;
    private final List<SampleEvent> events;
    private final Clock clock;
    private final long span;
    private final ScheduledExecutorService timer;
    private long offset;
    private int next;

    public SampleDataReplay(EmulatedLogs logs, List<SampleEvent> events, Clock clock) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no sample events to replay");
        }
        this.logs = logs;
        this.events = List.copyOf(events);
        this.clock = clock;
        long first = events.get(0).timestamp();
        long last = events.get(events.size() - 1).timestamp();
        this.span = Math.max(1000, last - first + 1000);
        long cut = first + (long) (span * HISTORY_SHARE);
        this.offset = clock.millis() - cut;
        this.timer = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("watchpost-demo-replay"));
    }

    /** Puts the history now, then keeps putting events as their moved time arrives. */
    public void start() {
        putDue();
        timer.scheduleWithFixedDelay(this::putDueSafely, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Puts every event whose moved time has come; returns how many. */
    synchronized int putDue() {
        long now = clock.millis();
        Map<String, List<InputLogEvent>> batches = new LinkedHashMap<>();
        int count = 0;
        while (events.get(next).timestamp() + offset <= now) {
            SampleEvent e = events.get(next);
            TimestampShifter shifter = new TimestampShifter(offset, java.time.Instant.ofEpochMilli(e.timestamp())
                    .atZone(ZoneOffset.UTC).getYear());
            batches.computeIfAbsent(e.logGroup() + '\u0000' + e.logStream(), k -> new ArrayList<>())
                    .add(new InputLogEvent(e.timestamp() + offset, shifter.shift(e.message())));
            count++;
            if (++next == events.size()) {
                next = 0;
                offset += span;
            }
        }
        for (Map.Entry<String, List<InputLogEvent>> batch : batches.entrySet()) {
            String[] key = batch.getKey().split("\u0000", 2);
            logs.ensureStream(key[0], key[1]);
            for (List<InputLogEvent> put : PutBatches.split(batch.getValue())) {
                logs.putLogEvents(key[0], key[1], put);
            }
        }
        return count;
    }

    private void putDueSafely() {
        try {
            putDue();
        } catch (RuntimeException e) {
            LOG.warn("sample replay could not put events: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
