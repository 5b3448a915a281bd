package io.watchpost.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a set of {@link LogGroupPoller}s in the background, each every {@code interval}. A failing poll is logged and
 * recorded in the metrics; the next poll tries again from the last committed checkpoint.
 */
public final class PollingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollingService.class);

    private final List<LogGroupPoller> pollers;
    private final Duration interval;
    private final IngestMetrics metrics;
    private final ScheduledExecutorService executor;

    public PollingService(List<LogGroupPoller> pollers, Duration interval, IngestMetrics metrics) {
        this.pollers = List.copyOf(pollers);
        this.interval = interval;
        this.metrics = metrics;
        this.executor = Executors.newScheduledThreadPool(Math.max(1, Math.min(4, pollers.size())), r -> {
            Thread t = new Thread(r, "watchpost-poller");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        for (LogGroupPoller poller : pollers) {
            // fixed delay, not rate: a slow poll is never overlapped by the next one for the same group
            executor.scheduleWithFixedDelay(() -> pollSafely(poller), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void pollSafely(LogGroupPoller poller) {
        try {
            poller.pollOnce();
        } catch (RuntimeException e) {
            metrics.recordError(e.getMessage());
            LOG.warn("poll of {} failed: {}", poller.logGroup(), e.getMessage());
        }
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    /** Stops polling; a poll in progress finishes its page so its checkpoint commits with its events. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
