package io.watchpost.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Follows one lane of a group: every interval (or at once when woken by Live Tail) it reads from its checkpoint
 * less the overlap window up to now. Events already seen in the window are skipped by eventId in memory; after a
 * restart that memory is empty and the cache's (group, eventId) key drops the re-read events instead.
 */
final class LaneFollower implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LaneFollower.class);
    private static final long FAILED_RETRY_MS = 30_000;

    private final String logGroup;
    private final String partition;
    private final PageSource source;
    private final LaneStore laneStore;
    private final GroupTelemetry telemetry;
    private final EngineOptions options;
    private final Clock clock;
    private final Cancellation cancellation;
    private final Semaphore wake = new Semaphore(0);
    /** eventId → timestamp of events stored (or skipped as stored) within the overlap window. */
    private final Map<String, Long> recent = new HashMap<>();

    LaneFollower(String logGroup, String partition, PageSource source, LaneStore laneStore, GroupTelemetry telemetry,
                 EngineOptions options, Clock clock, Cancellation cancellation) {
        this.logGroup = logGroup;
        this.partition = partition;
        this.source = source;
        this.laneStore = laneStore;
        this.telemetry = telemetry;
        this.options = options;
        this.clock = clock;
        this.cancellation = cancellation;
    }

    /** Poll now instead of at the end of the interval (Live Tail saw new events; stop was requested). */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public void run() {
        while (!cancellation.isCancelled()) {
            long pause = options.pollInterval().toMillis();
            try {
                pollOnce();
            } catch (Cancellation.CancelledException e) {
                return;
            } catch (SourceException e) {
                LOG.warn("following {} ({}) failed: {}", logGroup, source.lane(), e.getMessage());
                pause = Math.max(pause, FAILED_RETRY_MS);
            } catch (RuntimeException e) {
                LOG.error("following {} ({}) failed", logGroup, source.lane(), e);
                telemetry.error(String.valueOf(e.getMessage()));
                pause = Math.max(pause, FAILED_RETRY_MS);
            }
            try {
                wake.tryAcquire(pause, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One poll of this lane; each page commits with the advanced checkpoint. */
    void pollOnce() {
        long now = clock.millis();
        LaneCheckpoint[] cp = {laneStore.load(partition).orElseGet(
                () -> LaneCheckpoint.startingAt(now - options.initialLookback().toMillis()))};
        long from = Math.max(0, cp[0].time() - options.overlap().toMillis());
        source.read(from, null, page -> {
            PreparedPage prepared = laneStore.prepare(logGroup, page);
            PreparedPage fresh = prepared.only(e -> !(e.timestamp() == cp[0].time() && cp[0].idsAtTime().contains(e.eventId()))
                    && !recent.containsKey(e.eventId()));
            cp[0] = laneStore.store(partition, cp[0], prepared, fresh, telemetry, true);
            for (FilteredLogEvent e : page) {
                recent.put(e.eventId(), e.timestamp());
            }
            return !cancellation.isCancelled();
        });
        long keepFrom = cp[0].time() - options.overlap().toMillis();
        recent.values().removeIf(t -> t < keepFrom);
    }

    Duration pollInterval() {
        return options.pollInterval();
    }
}
