-- Team state shared through PostgreSQL (rules, alerts and their triage, notes, tags, saved searches …): one row per
-- object, the body an opaque JSON text owned by the feature that stores it. Times are epoch milliseconds UTC.
--   version        counts local edits; the sync marks a row clean only if no edit happened while it pushed it
--   remote_seq     the target's change_seq this row is based on (0: never synced); a push whose base is not the
--                  target's current change_seq is a conflict, resolved by last writer (updated_at, then updated_by)
--   dirty          a local change not yet pushed
--   deleted        a tombstone, so that deletes sync too
--   overwritten_by / overwritten_at: this workstation's change lost to another writer's (who, when); shown as a marker
--                  until the user acknowledges it or edits the object again
CREATE TABLE shared_objects (
    kind           VARCHAR(64)       NOT NULL,
    id             VARCHAR(256)      NOT NULL,
    body           CHARACTER VARYING NOT NULL,
    updated_at     BIGINT            NOT NULL,
    updated_by     VARCHAR(256)      NOT NULL,
    version        BIGINT            NOT NULL DEFAULT 1,
    remote_seq     BIGINT            NOT NULL DEFAULT 0,
    dirty          BOOLEAN           NOT NULL DEFAULT TRUE,
    deleted        BOOLEAN           NOT NULL DEFAULT FALSE,
    overwritten_by VARCHAR(256),
    overwritten_at BIGINT,
    CONSTRAINT pk_shared_objects PRIMARY KEY (kind, id)
);
CREATE INDEX ix_shared_objects_dirty ON shared_objects (dirty);

-- How far this cache has pulled each target's shared objects (the target's change_seq).
CREATE TABLE shared_sync_state (
    target_key VARCHAR(1024) PRIMARY KEY,
    pulled_seq BIGINT NOT NULL DEFAULT 0
);

-- Seq ranges of cached events that were pulled from a target: the event push leaves them out instead of sending
-- them back. Ranges below the target's high-water mark are deleted as the mark passes them.
CREATE TABLE sync_pulled_ranges (
    target_key VARCHAR(1024) NOT NULL,
    first_seq  BIGINT        NOT NULL,
    last_seq   BIGINT        NOT NULL,
    CONSTRAINT pk_sync_pulled_ranges PRIMARY KEY (target_key, first_seq)
);
