package io.watchpost.source;

import io.watchpost.store.AppendResult;
import io.watchpost.store.EventStore;
import io.watchpost.store.SourceOffset;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.util.List;
import java.util.Optional;

/**
 * Stores a lane's page and its advanced checkpoint in one transaction (through {@link IngestPipeline}, which
 * hands both to {@link EventStore#append}), and tells the group's telemetry what was new.
 */
final class LaneStore {

    private final IngestPipeline pipeline;
    private final EventStore store;

    LaneStore(IngestPipeline pipeline, EventStore store) {
        this.pipeline = pipeline;
        this.store = store;
    }

    Optional<LaneCheckpoint> load(String partition) {
        return store.offset(partition).map(LaneCheckpoint::fromJson);
    }

    Optional<LanePlan> loadPlan(String partition) {
        return store.offset(partition).map(LanePlan::fromJson);
    }

    void savePlan(String partition, LanePlan plan) {
        store.append(List.of(), new SourceOffset(partition, plan.toJson()));
    }

    void saveCheckpoint(String partition, LaneCheckpoint checkpoint) {
        store.append(List.of(), new SourceOffset(partition, checkpoint.toJson()));
    }

    /** Normalizes and encodes a page for {@link #store}; safe on any thread, e.g. the one that fetched it. */
    PreparedPage prepare(String logGroup, List<FilteredLogEvent> page) {
        return pipeline.prepare(logGroup, page);
    }

    /**
     * @param fresh       the page's events not known to be stored already
     * @param page        the whole page, for the checkpoint
     * @param withLatency false for backfills: their events are old by design and would drown the freshness figures
     */
    LaneCheckpoint store(String partition, LaneCheckpoint checkpoint, PreparedPage page, PreparedPage fresh,
                         GroupTelemetry telemetry, boolean withLatency) {
        LaneCheckpoint next = checkpoint.advance(page.events(), fresh.size());
        long began = System.nanoTime();
        AppendResult r = pipeline.store(fresh, new SourceOffset(partition, next.toJson()));
        telemetry.storeTime(System.nanoTime() - began);
        long[] times = new long[withLatency && r.stored() > 0 ? fresh.size() : 0];
        for (int i = 0; i < times.length; i++) {
            times[i] = fresh.events().get(i).timestamp();
        }
        // Events the cache already held (a re-read after a restart) are duplicates, not progress.
        telemetry.stored(r.stored(), r.duplicates() + (page.size() - fresh.size()), times);
        if (!withLatency && r.stored() > 0) {
            telemetry.newest(fresh.events().get(fresh.size() - 1).timestamp());
        }
        return next;
    }
}
