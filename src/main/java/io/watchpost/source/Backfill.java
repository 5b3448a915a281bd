package io.watchpost.source;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one group's time range [start, end], every lane in parallel, committing each page with its lane's
 * checkpoint under {@code backfill|<source>|<group>|<start>|<end>|<lane>}. A restart with the same range resumes
 * where each lane stopped; an open end ("now") resumes from the checkpoint up to the new now.
 */
final class Backfill {

    private final String logGroup;
    private final long start;
    private final long end;
    private final boolean openEnd;
    private final String partition;
    private final PageCalls calls;
    private final LaneStore laneStore;
    private final GroupTelemetry telemetry;
    private final int streamLanes;
    private final BackfillListener listener;
    private final Cancellation cancellation;
    private final Clock clock;
    private final ExecutorService executor;

    private final ConcurrentHashMap<String, LaneCheckpoint> lanes = new ConcurrentHashMap<>();
    private final AtomicLong eventsDone = new AtomicLong();
    private volatile double shareAtRunStart = -1;
    private volatile long runStartMillis;

    Backfill(String sourceKey, String logGroup, Long start, Long end, PageCalls calls, LaneStore laneStore,
             GroupTelemetry telemetry, int streamLanes, BackfillListener listener, Cancellation cancellation,
             Clock clock, ExecutorService executor) {
        this.logGroup = logGroup;
        this.start = start == null ? 0 : start;
        this.openEnd = end == null;
        this.end = end == null ? clock.millis() : end;
        this.partition = "backfill|" + sourceKey + "|" + logGroup + "|" + this.start + "|" + (openEnd ? "now" : end);
        this.calls = calls;
        this.laneStore = laneStore;
        this.telemetry = telemetry;
        this.streamLanes = streamLanes;
        this.listener = listener;
        this.cancellation = cancellation;
        this.clock = clock;
        this.executor = executor;
    }

    String partition() {
        return partition;
    }

    BackfillProgress run() {
        telemetry.mode(IngestMode.BACKFILL);
        runStartMillis = clock.millis();
        try {
            LanePlan plan = laneStore.loadPlan(partition + "|plan").orElse(null);
            if (plan == null) {
                plan = new LanePlanner(calls).plan(logGroup, streamLanes, start, true, telemetry, cancellation);
                // Saved even when it has no stream lanes: the lanes' checkpoints belong to this layout, and a resumed
                // backfill that planned again could read a stream twice, under two kinds of eventId.
                laneStore.savePlan(partition + "|plan", plan);
            }
            List<PageSource> sources = new ArrayList<>();
            if (plan.hasFilterLane()) {
                sources.add(new FilterPageSource(calls, logGroup, plan.filterStreams(),
                        plan.filterStreams() == null ? Set.copyOf(plan.busyStreams()) : Set.of(),
                        telemetry, cancellation));
            }
            for (String s : plan.busyStreams()) {
                sources.add(new StreamPageSource(calls, logGroup, s, telemetry, cancellation));
            }
            for (PageSource s : sources) {
                LaneCheckpoint cp = laneStore.load(partition + "|" + s.lane()).orElse(LaneCheckpoint.startingAt(start));
                lanes.put(s.lane(), cp);
            }
            eventsDone.set(lanes.values().stream().mapToLong(LaneCheckpoint::eventsDone).sum());
            shareAtRunStart = coveredShare();
            List<Future<?>> running = new ArrayList<>();
            for (PageSource s : sources) {
                running.add(executor.submit(() -> readLane(s.lane(),
                        new PrefetchingPageSource(s, page -> laneStore.prepare(logGroup, page), executor))));
            }
            RuntimeException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re && failure == null) {
                        failure = re;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                }
            }
            if (failure != null && !(failure instanceof Cancellation.CancelledException)) {
                throw failure;
            }
            IngestMode state = cancellation.isCancelled() && !allDone() ? IngestMode.STOPPED : IngestMode.DONE;
            telemetry.mode(state);
            return progress(state, null);
        } catch (Cancellation.CancelledException e) {
            telemetry.mode(IngestMode.STOPPED);
            return progress(IngestMode.STOPPED, null);
        } catch (SourceException e) {
            telemetry.mode(IngestMode.FAILED);
            BackfillProgress p = progress(IngestMode.FAILED, e.getMessage());
            listener.onProgress(p);
            throw e;
        }
    }

    private void readLane(String lane, PrefetchingPageSource source) {
        String lanePartition = partition + "|" + lane;
        LaneCheckpoint first = lanes.get(lane);
        if (first.done() && !openEnd) {
            return;
        }
        if (first.time() > end) {
            return;
        }
        source.read(first.time(), end, page -> {
            LaneCheckpoint cp = lanes.get(lane);
            PreparedPage fresh = page.only(e -> !cp.covers(e));
            LaneCheckpoint next = laneStore.store(lanePartition, cp, page, fresh, telemetry, false);
            lanes.put(lane, next);
            eventsDone.addAndGet(fresh.size());
            listener.onProgress(progress(IngestMode.BACKFILL, null));
            return !cancellation.isCancelled();
        });
        if (!cancellation.isCancelled()) {
            LaneCheckpoint done = lanes.get(lane).finished();
            laneStore.saveCheckpoint(lanePartition, done);
            lanes.put(lane, done);
        }
    }

    private boolean allDone() {
        return lanes.values().stream().allMatch(LaneCheckpoint::done);
    }

    private double coveredShare() {
        if (lanes.isEmpty()) {
            return 0;
        }
        double span = Math.max(1, end - start);
        double sum = 0;
        for (LaneCheckpoint cp : lanes.values()) {
            sum += cp.done() ? 1 : Math.min(1, Math.max(0, (cp.time() - start) / span));
        }
        return sum / lanes.size();
    }

    private BackfillProgress progress(IngestMode state, String error) {
        double share = state == IngestMode.DONE ? 1 : coveredShare();
        long eta = -1;
        double gained = share - shareAtRunStart;
        if (state == IngestMode.BACKFILL && shareAtRunStart >= 0 && gained > 0) {
            long elapsed = clock.millis() - runStartMillis;
            eta = (long) (elapsed / gained * (1 - share));
        } else if (state == IngestMode.DONE) {
            eta = 0;
        }
        return new BackfillProgress(logGroup, start, end, eventsDone.get(), share, eta, state, error);
    }
}
