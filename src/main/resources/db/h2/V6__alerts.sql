-- Alerts raised by the detection engine, and their triage. Times are epoch milliseconds UTC.
--   id         the engine's alert id: stable for one rule, group and first firing, so a re-fire within the rule's
--              suppression window updates the same row (last_time, firings, events) and keeps state and note
--   author     the rule's author; kept because the Detection Rule License requires alerts from Sigma rules to show it
--   tags       the rule's tags as a JSON array
--   state      new | acknowledged | closed_true_positive | closed_false_positive
CREATE TABLE alerts (
    id          VARCHAR(64)       PRIMARY KEY,
    rule_id     VARCHAR(256)      NOT NULL,
    rule_title  VARCHAR(1024)     NOT NULL,
    severity    VARCHAR(16)       NOT NULL,
    author      VARCHAR(1024),
    tags        CHARACTER VARYING NOT NULL,
    group_key   VARCHAR(4096)     NOT NULL,
    first_time  BIGINT            NOT NULL,
    last_time   BIGINT            NOT NULL,
    firings     INT               NOT NULL,
    summary     CHARACTER VARYING,
    state       VARCHAR(32)       NOT NULL DEFAULT 'new',
    note        CHARACTER VARYING,
    updated_at  BIGINT            NOT NULL,
    CONSTRAINT ck_alerts_state CHECK (state IN ('new', 'acknowledged', 'closed_true_positive', 'closed_false_positive'))
);
CREATE INDEX ix_alerts_last_time ON alerts (last_time DESC);
CREATE INDEX ix_alerts_state ON alerts (state);

-- The events that made an alert fire, in the order the engine listed them (position), for "show events".
CREATE TABLE alert_events (
    alert_id   VARCHAR(64)  NOT NULL,
    position   INT          NOT NULL,
    log_group  VARCHAR(512) NOT NULL,
    event_id   VARCHAR(256) NOT NULL,
    CONSTRAINT pk_alert_events PRIMARY KEY (alert_id, position),
    CONSTRAINT fk_alert_events_alert FOREIGN KEY (alert_id) REFERENCES alerts (id) ON DELETE CASCADE
);
