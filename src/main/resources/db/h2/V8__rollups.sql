-- Rollups for the Dashboard: the charts read these, never the raw events, so a redraw costs the same at 10 events
-- or 10 million. Buckets are event-time epoch milliseconds (floored), like the Explorer's ranges, so a clicked
-- bucket opens exactly the events it counted. Kept by io.watchpost.store.Rollups inside EventStore.append's
-- transaction, from the rows that transaction stored (seq > rollup_state.last_seq): duplicates are never counted.
--   bytes        characters of the raw message
--   latency_*    end-to-end: ingest_time - event_time, ms, clamped at 0

-- Per second, the last hour only (pruned as it ages): the 15-minute and 1-hour windows.
CREATE TABLE rollup_second (
    bucket      BIGINT       NOT NULL,
    log_group   VARCHAR(512) NOT NULL,
    source_type VARCHAR(32)  NOT NULL,
    events      BIGINT       NOT NULL,
    bytes       BIGINT       NOT NULL,
    latency_sum BIGINT       NOT NULL,
    latency_max BIGINT       NOT NULL,
    CONSTRAINT pk_rollup_second PRIMARY KEY (bucket, log_group, source_type)
);

-- Per minute, kept as long as the events.
CREATE TABLE rollup_minute (
    bucket      BIGINT       NOT NULL,
    log_group   VARCHAR(512) NOT NULL,
    source_type VARCHAR(32)  NOT NULL,
    severity    VARCHAR(16)  NOT NULL,
    events      BIGINT       NOT NULL,
    bytes       BIGINT       NOT NULL,
    latency_sum BIGINT       NOT NULL,
    latency_max BIGINT       NOT NULL,
    CONSTRAINT pk_rollup_minute PRIMARY KEY (bucket, log_group, source_type, severity)
);

-- Latency histograms for p50/p95: bin 0 holds < 1 ms, bin b >= 1 holds latencies up to 10^(b/8) ms (eight bins a
-- decade, each about 33 % wide), so a percentile is reported as its bin's upper bound.
CREATE TABLE rollup_latency_second (
    bucket BIGINT NOT NULL,
    bin    INT    NOT NULL,
    events BIGINT NOT NULL,
    CONSTRAINT pk_rollup_latency_second PRIMARY KEY (bucket, bin)
);
CREATE TABLE rollup_latency_minute (
    bucket BIGINT NOT NULL,
    bin    INT    NOT NULL,
    events BIGINT NOT NULL,
    CONSTRAINT pk_rollup_latency_minute PRIMARY KEY (bucket, bin)
);

-- Top talkers per minute. kind: ip (source_ip), user (user_name), action (CloudTrail API calls only), rejected (source_ip of vpcflow records
-- with outcome failure). Finished minutes are compacted to their top 50 per kind, so top-N over a window is the
-- top of per-minute tops: exact for heavy hitters, approximate in the long tail.
CREATE TABLE rollup_talker_minute (
    bucket BIGINT        NOT NULL,
    kind   VARCHAR(16)   NOT NULL,
    talker VARCHAR(1024) NOT NULL,
    events BIGINT        NOT NULL,
    CONSTRAINT pk_rollup_talker_minute PRIMARY KEY (bucket, kind, talker)
);

-- last_seq: every event with seq <= last_seq is counted. talkers_dirty_from: the oldest minute touched since the last
-- compaction.
CREATE TABLE rollup_state (
    id                 INT    PRIMARY KEY,
    last_seq           BIGINT NOT NULL,
    talkers_dirty_from BIGINT NOT NULL
);

-- Existing caches: count what is already there (per minute; the per-second table only ever covers the last hour).
INSERT INTO rollup_minute
SELECT event_time - MOD(event_time, 60000), log_group, source_type, severity, COUNT(*), SUM(CAST(LENGTH(raw) AS BIGINT)),
       SUM(GREATEST(ingest_time - event_time, 0)), MAX(GREATEST(ingest_time - event_time, 0))
FROM events GROUP BY event_time - MOD(event_time, 60000), log_group, source_type, severity;

INSERT INTO rollup_latency_minute
SELECT b, bin, COUNT(*) FROM (
    SELECT event_time - MOD(event_time, 60000) b,
           CASE WHEN ingest_time - event_time < 1 THEN 0
                ELSE 1 + CAST(FLOOR(LOG10(CAST(ingest_time - event_time AS DOUBLE PRECISION)) * 8) AS INT) END bin
    FROM events) x GROUP BY b, bin;

INSERT INTO rollup_talker_minute
SELECT b, kind, talker, COUNT(*) FROM (
    SELECT event_time - MOD(event_time, 60000) b, 'ip' kind, source_ip talker FROM events WHERE source_ip IS NOT NULL
    UNION ALL SELECT event_time - MOD(event_time, 60000), 'user', user_name FROM events WHERE user_name IS NOT NULL
    UNION ALL SELECT event_time - MOD(event_time, 60000), 'action', action FROM events WHERE action IS NOT NULL AND source_type = 'cloudtrail'
    UNION ALL SELECT event_time - MOD(event_time, 60000), 'rejected', source_ip FROM events
        WHERE source_type = 'vpcflow' AND outcome = 'failure' AND source_ip IS NOT NULL) x
GROUP BY b, kind, talker;

INSERT INTO rollup_state VALUES (1, (SELECT COALESCE(MAX(seq), 0) FROM events), 0);
