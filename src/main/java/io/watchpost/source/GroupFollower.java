package io.watchpost.source;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Follows one log group: plans its lanes once (saved, so a restart keeps each stream in its lane), runs a
 * {@link LaneFollower} per lane, and, where available, a Live Tail session that wakes them.
 */
final class GroupFollower {

    private final String logGroup;
    private final String partition;
    private final PageCalls calls;
    private final LaneStore laneStore;
    private final GroupTelemetry telemetry;
    private final EngineOptions options;
    private final Clock clock;
    private final Cancellation cancellation = new Cancellation();
    private final List<LaneFollower> lanes = new ArrayList<>();
    private final List<Future<?>> running = new ArrayList<>();
    private volatile LiveTailWatcher liveTail;

    GroupFollower(String sourceKey, String logGroup, PageCalls calls, LaneStore laneStore, GroupTelemetry telemetry,
                  EngineOptions options, Clock clock) {
        this.logGroup = logGroup;
        this.partition = "follow|" + sourceKey + "|" + logGroup;
        this.calls = calls;
        this.laneStore = laneStore;
        this.telemetry = telemetry;
        this.options = options;
        this.clock = clock;
    }

    /** Starts the lanes on {@code executor}; {@code liveTailFactory} may return null (Live Tail off). */
    synchronized void start(ExecutorService executor, java.util.function.Function<GroupFollower, LiveTailWatcher> liveTailFactory) {
        telemetry.mode(IngestMode.POLLING);
        LanePlan plan = laneStore.loadPlan(partition + "|plan").orElse(null);
        if (plan == null) {
            plan = new LanePlanner(calls).plan(logGroup, options.streamLanes(),
                    clock.millis() - options.initialLookback().toMillis(), false, telemetry, cancellation);
            if (!plan.busyStreams().isEmpty()) {
                laneStore.savePlan(partition + "|plan", plan);
            }
        }
        List<PageSource> sources = new ArrayList<>();
        if (plan.hasFilterLane()) {
            sources.add(new FilterPageSource(calls, logGroup, plan.filterStreams(),
                    plan.filterStreams() == null ? Set.copyOf(plan.busyStreams()) : Set.of(), telemetry, cancellation));
        }
        for (String s : plan.busyStreams()) {
            sources.add(new StreamPageSource(calls, logGroup, s, telemetry, cancellation));
        }
        for (PageSource s : sources) {
            lanes.add(new LaneFollower(logGroup, partition + "|" + s.lane(), s, laneStore, telemetry, options, clock,
                    cancellation));
        }
        for (LaneFollower lane : lanes) {
            running.add(executor.submit(lane));
        }
        liveTail = liveTailFactory.apply(this);
        if (liveTail != null) {
            liveTail.start();
        }
    }

    String logGroup() {
        return logGroup;
    }

    GroupTelemetry telemetry() {
        return telemetry;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** Every lane polls now. */
    void wakeAll() {
        for (LaneFollower lane : lanes) {
            lane.wake();
        }
    }

    /** Why Live Tail is not used for this group (null: in use, starting, or not tried). */
    String liveTailUnavailableReason() {
        LiveTailWatcher w = liveTail;
        return w == null ? "Live Tail is switched off" : w.unavailableReason();
    }

    /** Asks every lane to stop after its in-flight page commits. */
    void requestStop() {
        cancellation.cancel();
        LiveTailWatcher w = liveTail;
        if (w != null) {
            w.close();
        }
        wakeAll();
    }

    /** Waits for the lanes to finish their in-flight page. */
    void awaitStopped(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Future<?> f : running) {
            try {
                f.get(Math.max(1, deadline - System.currentTimeMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException
                     | java.util.concurrent.CancellationException e) {
                // a lane stuck past the deadline: its last committed checkpoint stands
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        telemetry.mode(IngestMode.STOPPED);
    }
}
