-- How far the cache has been pushed to each PostgreSQL target. last_seq is the high-water mark: every event with
-- seq <= last_seq is committed in that target. It is moved only after PostgreSQL committed, so a crash in between
-- re-pushes one batch, which the target's ON CONFLICT DO NOTHING ignores.
-- target_key names server and database only (never credentials); times are epoch milliseconds UTC like events.
CREATE TABLE sync_state (
    target_key      VARCHAR(1024) PRIMARY KEY,
    last_seq        BIGINT        NOT NULL DEFAULT 0,
    last_success_at BIGINT,
    last_error      VARCHAR(4096),          -- one line, passwords redacted
    last_error_at   BIGINT
);
