-- The shared event store every workstation pushes its cache into.
-- Text columns are unbounded TEXT and source_ip is TEXT, not INET: raw log data must never be refused, and
-- CloudTrail's sourceIPAddress alone holds values like "AWS Internal" or "ec2.amazonaws.com".
-- Times are TIMESTAMPTZ (the cache's epoch milliseconds, exactly).
CREATE TABLE events (
    log_group    TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    log_stream   TEXT        NOT NULL,
    event_time   TIMESTAMPTZ NOT NULL,
    ingest_time  TIMESTAMPTZ NOT NULL,
    source_type  TEXT        NOT NULL,
    severity     TEXT        NOT NULL,
    action       TEXT,
    outcome      TEXT,
    user_name    TEXT,
    source_ip    TEXT,
    message      TEXT,
    raw          TEXT        NOT NULL,
    fields       JSONB       NOT NULL,       -- flattened fields, one JSON object of strings
    parse_error  TEXT,
    origin       TEXT        NOT NULL,       -- which workstation pushed the row first
    synced_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- An event's identity is (log_group, event_id), as CloudWatch Logs assigns it. PostgreSQL requires the partition
    -- key in every unique constraint of a partitioned table, so the constraint also names event_time. That is the
    -- same rule: CloudWatch gives an event its timestamp once, so for one (log_group, event_id) every copy, from any
    -- workstation, carries the same event_time, and two rows with equal (log_group, event_id) always collide here.
    CONSTRAINT uq_events_time_group_id UNIQUE (event_time, log_group, event_id)
) PARTITION BY RANGE (event_time);

-- One partition per UTC day, named events_pYYYYMMDD, created by the sync for the days a batch touches; retention is
-- then DROP TABLE of a day. Rows of days outside the sync's window (clock-skewed or garbage times) land here instead
-- of creating thousands of partitions; the sync moves them out if their day's partition is created later.
CREATE TABLE events_default PARTITION OF events DEFAULT;

-- Time range scans use the unique index above: event_time leads it, so a separate time index would only add to
-- the cost of every insert. Then the analysts' usual pivots, who and from where, each narrowed by time; partial
-- indexes skip the many NULLs. Each index costs the sync about a fifth of its speed, so there are only these:
-- action is low-cardinality and usually filtered within a user's or a time range's rows.
CREATE INDEX ix_events_user      ON events (user_name, event_time) WHERE user_name IS NOT NULL;
CREATE INDEX ix_events_source_ip ON events (source_ip, event_time) WHERE source_ip IS NOT NULL;
