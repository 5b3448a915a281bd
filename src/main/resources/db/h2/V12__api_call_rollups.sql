-- CloudWatch API call latency for the Dashboard's latency chart, beside end-to-end latency (V8). One row per time
-- bucket and latency bin (bins as in V8: bin 0 < 1 ms, bin b >= 1 up to 10^(b/8) ms), so p50/p95 come from the
-- bins and max/mean from the sums, the same way as for events. Buckets are wall-clock epoch milliseconds of each
-- call's end (a call has no event time). Kept by io.watchpost.store.Rollups from io.watchpost.store.ApiCallTimes,
-- which the ingest engine feeds with every SDK call's duration (retries of that call included).
--   duration_*  ms

-- Per second, the last hour only (pruned as it ages, like rollup_second).
CREATE TABLE rollup_api_second (
    bucket       BIGINT NOT NULL,
    bin          INT    NOT NULL,
    calls        BIGINT NOT NULL,
    duration_sum BIGINT NOT NULL,
    duration_max BIGINT NOT NULL,
    CONSTRAINT pk_rollup_api_second PRIMARY KEY (bucket, bin)
);

-- Per minute, kept.
CREATE TABLE rollup_api_minute (
    bucket       BIGINT NOT NULL,
    bin          INT    NOT NULL,
    calls        BIGINT NOT NULL,
    duration_sum BIGINT NOT NULL,
    duration_max BIGINT NOT NULL,
    CONSTRAINT pk_rollup_api_minute PRIMARY KEY (bucket, bin)
);
