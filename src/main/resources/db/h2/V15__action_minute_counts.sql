-- Ingest speed (issue 8: 50,000 events/s into the cache with the Dashboard live, on 2 cores). Each index on events
-- costs every insert a B-tree descent on insert and another on commit; (action, outcome, event_time) cost the live
-- ingest about a fifth of its speed (uistall bench: 52,000 events/s at most with it, 60,000-65,000 without). What
-- it served, the Explorer's most common filter (event.action = X [and event.outcome = Y]), is answered instead from
-- per-minute counts the rollup thread keeps beside the Dashboard's (io.watchpost.store.ActionCounts): the histogram
-- from the counts, the first page from the cover index, read only over the minutes the counts say hold a match.
--   outcome   NULL when the event has none (the counts must tell it from an empty outcome)
--   severity, source_type   what the histogram splits by
CREATE TABLE rollup_action_minute (
    action      VARCHAR(1024) NOT NULL,
    outcome     VARCHAR(1024),
    bucket      BIGINT        NOT NULL, -- the minute
    severity    VARCHAR(16)   NOT NULL,
    source_type VARCHAR(32)   NOT NULL,
    events      BIGINT        NOT NULL
);
CREATE INDEX ix_rollup_action_minute ON rollup_action_minute (action, bucket);

-- Existing caches: count what the rollups have counted so far; the rollup thread folds in the rest (seq > last_seq).
INSERT INTO rollup_action_minute
SELECT action, outcome, event_time - MOD(event_time, 60000), severity, source_type, COUNT(*) FROM events
WHERE action IS NOT NULL AND seq <= (SELECT last_seq FROM rollup_state WHERE id = 1)
GROUP BY action, outcome, event_time - MOD(event_time, 60000), severity, source_type;

DROP INDEX IF EXISTS ix_events_action_outcome_time;
