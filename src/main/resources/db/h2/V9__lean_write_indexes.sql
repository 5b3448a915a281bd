-- Ingest speed against query speed. Profiling the end-to-end ingest (bench e2e) showed H2 spending most of its time
-- comparing keys in secondary indexes whose leading columns have few distinct values (source type, severity, user,
-- address): every insert descends those B-trees with long string comparisons. They helped only part of the
-- Explorer's queries (the bench showed the address indexes chosen where the time index was better), so keep the
-- indexes every query uses and drop those.
--   kept: (event_time, seq) — every query's time range and keyset order; (action, outcome, event_time) — the most
--         common filter; the unique (log_group, event_id); the primary key.
DROP INDEX IF EXISTS ix_events_time;               -- (event_time) alone: (event_time, seq) serves the same ranges
DROP INDEX IF EXISTS ix_events_user_time;
DROP INDEX IF EXISTS ix_events_source_ip_time;
DROP INDEX IF EXISTS ix_events_source_ip_v4_time;
DROP INDEX IF EXISTS ix_events_type_severity_time;
