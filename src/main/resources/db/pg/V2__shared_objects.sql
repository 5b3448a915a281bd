-- Team state shared by every workstation (see the cache's shared_objects). change_seq orders changes for pulling:
-- writers hold a SHARE ROW EXCLUSIVE lock on the table from nextval to commit, so change_seq values become visible
-- in increasing order and a reader that remembers the highest one it saw never skips a change.
CREATE SEQUENCE shared_objects_change_seq;

CREATE TABLE shared_objects (
    kind            TEXT        NOT NULL,
    id              TEXT        NOT NULL,
    body            TEXT        NOT NULL,   -- JSON text owned by the feature; not JSONB, it is stored as written
    updated_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT        NOT NULL,   -- the origin (workstation) of the change
    deleted         BOOLEAN     NOT NULL DEFAULT FALSE,
    change_seq      BIGINT      NOT NULL,
    replaced_origin TEXT,                   -- whose concurrent change this version overwrote, if any …
    replaced_at     TIMESTAMPTZ,            -- … and when; the loser's workstation shows it as a marker
    PRIMARY KEY (kind, id)
);
CREATE INDEX ix_shared_objects_change_seq ON shared_objects (change_seq);
