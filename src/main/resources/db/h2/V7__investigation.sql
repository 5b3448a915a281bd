-- The Explorer's investigation state, kept in the cache beside the events it is about.
-- Tags and notes are keyed by the event's natural key (log_group, event_id), not seq, so they survive a re-ingest.
CREATE TABLE event_tags (
    log_group   VARCHAR(512) NOT NULL,
    event_id    VARCHAR(64)  NOT NULL,
    tag         VARCHAR(128) NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (log_group, event_id, tag)
);
CREATE INDEX ix_event_tags_tag ON event_tags (tag);

CREATE TABLE event_notes (
    log_group   VARCHAR(512) NOT NULL,
    event_id    VARCHAR(64)  NOT NULL,
    note        CHARACTER VARYING NOT NULL,
    updated_at  BIGINT       NOT NULL,
    PRIMARY KEY (log_group, event_id)
);

-- A saved search: the filter text and the range as the Explorer spells it ("preset:LAST_1_HOUR", "abs:from-to").
CREATE TABLE saved_searches (
    name        VARCHAR(256) PRIMARY KEY,
    filter_text CHARACTER VARYING NOT NULL,
    range_spec  VARCHAR(128) NOT NULL,
    saved_at    BIGINT       NOT NULL
);

-- Recently run filters, newest first by used_at; one row per distinct text.
CREATE TABLE filter_history (
    filter_text VARCHAR(4096) PRIMARY KEY,
    used_at     BIGINT        NOT NULL
);
