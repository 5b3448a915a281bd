-- The filter language's helpers and the indexes behind the Explorer's first page + histogram.

-- Java functions for what SQL cannot say exactly (io.watchpost.store.QueryFunctions); DETERMINISTIC lets H2 use
-- WP_IPV4 in a generated column and cache results within a statement.
CREATE ALIAS IF NOT EXISTS WP_FIELD DETERMINISTIC FOR 'io.watchpost.store.QueryFunctions.field';
CREATE ALIAS IF NOT EXISTS WP_NUMBER DETERMINISTIC FOR 'io.watchpost.store.QueryFunctions.number';
CREATE ALIAS IF NOT EXISTS WP_IPV4 DETERMINISTIC FOR 'io.watchpost.store.QueryFunctions.ipv4';
CREATE ALIAS IF NOT EXISTS WP_IN_CIDR DETERMINISTIC FOR 'io.watchpost.store.QueryFunctions.inCidr';

-- source.ip as an unsigned number (NULL unless IPv4): `source.ip in 10.0.0.0/8` becomes an indexed range scan.
-- Generated, so EventStore.append stays as it is.
ALTER TABLE events ADD COLUMN source_ip_v4 BIGINT GENERATED ALWAYS AS (WP_IPV4(source_ip));

-- Keyset paging in both directions: (event_time, seq) is the page order and the cursor.
CREATE INDEX ix_events_time_seq ON events (event_time, seq);
-- The columns analysts filter on most, each led by the value and followed by the time, so a filter's matches come
-- out of the index in a time range without touching the wide rows' other columns.
CREATE INDEX ix_events_action_outcome_time ON events (action, outcome, event_time);
CREATE INDEX ix_events_user_time ON events (user_name, event_time);
CREATE INDEX ix_events_source_ip_time ON events (source_ip, event_time);
CREATE INDEX ix_events_source_ip_v4_time ON events (source_ip_v4, event_time);
CREATE INDEX ix_events_type_severity_time ON events (source_type, severity, event_time);
