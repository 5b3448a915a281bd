package io.watchpost.sync;

import io.watchpost.background.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Keeps a cache synced with the team's PostgreSQL in the background: pushes new events batch by batch, then shared
 * state, then waits {@code interval} (or less, if {@link #syncNow()} is called). When PostgreSQL is unreachable it
 * reports offline with the backlog and retries with {@link Backoff}, resuming by itself.
 * <p>
 * Crash safety comes from {@link PostgresSync}: the mark moves only after PostgreSQL committed, so killing the process
 * at any moment costs at most one re-sent batch, which the merge ignores.
 */
public final class SyncService implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final PostgresSync events;
    private final SharedStateSync shared;
    private final Duration interval;
    private final Backoff backoff;
    private final Clock clock;
    private final AtomicReference<SyncStatus> status = new AtomicReference<>(SyncStatus.INITIAL);
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object wakeUp = new Object();
    private volatile boolean stopping;
    private boolean wakeRequested; // guarded by wakeUp
    private Thread worker;

    /** With the default interval and backoff; {@code shared} may be null to sync events only. */
    public SyncService(PostgresSync events, SharedStateSync shared) {
        this(events, shared, DEFAULT_INTERVAL, Backoff.standard(), Clock.systemUTC());
    }

    public SyncService(PostgresSync events, SharedStateSync shared, Duration interval, Backoff backoff, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.shared = shared;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current status; cheap, never blocks. */
    public SyncStatus status() {
        return status.get();
    }

    /** Called on the sync thread after every change of the status; keep it quick. Register before {@link #start()}. */
    public void onStatus(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("already started");
        }
        worker = BackgroundThreads.start(this::run, "watchpost-sync");
    }

    /** Starts the next round now instead of after the interval (e.g. after the user changed a shared object). */
    public void syncNow() {
        synchronized (wakeUp) {
            wakeRequested = true;
            wakeUp.notifyAll();
        }
    }

    /** Stops after the batch in flight (committed or not, the mark stays right) and waits for the thread. */
    @Override
    public void close() {
        stopping = true;
        syncNow();
        Thread t;
        synchronized (this) {
            t = worker;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        publish(status.get().with(SyncStatus.State.STOPPED));
    }

    private void run() {
        int failures = 0;
        while (!stopping) {
            Duration wait;
            try {
                boolean more = syncRound();
                failures = 0;
                wait = more ? Duration.ZERO : interval;
            } catch (RuntimeException e) {
                failures++;
                String message = events.target().scrub(String.valueOf(e.getMessage()));
                publish(status.get().failed(message, clock.instant()));
                wait = backoff.delay(failures);
                LOG.warn("sync offline ({}), retry {} in {} ms: {}", status.get().describe(), failures, wait.toMillis(), message);
            }
            pause(wait);
        }
    }

    /** One round: events, then shared state. Returns true when events arrived meanwhile and another round is due. */
    private boolean syncRound() {
        long backlog = events.backlog();
        SyncStatus before = status.get().withBacklog(backlog);
        // Offline stays offline until PostgreSQL answers again: the first committed batch or completed push says so.
        if (before.state() != SyncStatus.State.OFFLINE) {
            before = before.with(backlog > 0 ? SyncStatus.State.SYNCING : SyncStatus.State.IDLE);
        }
        publish(before);
        long started = System.nanoTime();
        long[] pushed = {0};
        SyncReport report = events.pushOnce(new PushProgress() {
            @Override
            public void batchCommitted(long rows, long inserted) {
                pushed[0] += rows;
                double seconds = (System.nanoTime() - started) / 1e9;
                SyncStatus s = status.get();
                publish(s.with(SyncStatus.State.SYNCING).withBacklog(Math.max(0, s.backlog() - rows))
                        .withRate(seconds > 0 ? pushed[0] / seconds : 0));
            }

            @Override
            public boolean stopRequested() {
                return stopping;
            }
        });
        if (shared != null && !stopping) {
            shared.syncOnce();
        }
        SyncStatus done = status.get().withBacklog(report.backlogRemaining())
                .withRate(report.rowsRead() > 0 ? report.rowsPerSecond() : 0)
                .with(report.backlogRemaining() > 0 ? SyncStatus.State.SYNCING : SyncStatus.State.IDLE)
                .succeeded(clock.instant());
        publish(done);
        return report.backlogRemaining() > 0;
    }

    private void pause(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (wakeUp) {
            while (!wakeRequested && !stopping) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    wakeUp.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            wakeRequested = false;
        }
    }

    private void publish(SyncStatus next) {
        SyncStatus previous = status.getAndSet(next);
        if (!next.equals(previous)) {
            for (Consumer<SyncStatus> l : listeners) {
                try {
                    l.accept(next);
                } catch (RuntimeException e) {
                    LOG.warn("a sync status listener failed", e);
                }
            }
        }
    }
}
