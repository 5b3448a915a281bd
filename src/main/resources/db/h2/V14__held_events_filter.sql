-- Ingest speed (issue 8: the Dashboard must stay smooth while the cache takes 50,000 events/s on 2 cores). Profiles
-- of a write showed most of its time descending B-trees, on insert and again on commit, once per index; the cost
-- followed the number of indexes, not what they hold. The unique (log_group, event_id) goes: a Bloom filter of the
-- held keys answers "is this event new?" from memory and only a "maybe" is looked up (io.watchpost.store.HeldEvents).

-- The filter as last saved, and the highest seq it covers; rows after that seq are added to it on open.
CREATE TABLE held_events_filter (
    id          INT PRIMARY KEY,
    covered_seq BIGINT NOT NULL,
    filters     VARBINARY NOT NULL
);

ALTER TABLE events DROP CONSTRAINT uq_events_group_id;
