package io.watchpost.detect.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.detect.Alert;
import io.watchpost.detect.EventRef;
import io.watchpost.detect.RuleSeverity;
import io.watchpost.store.StoreException;
import io.watchpost.store.TeamState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Alerts and their triage in the cache (tables of V6__alerts.sql). Safe to use from any thread.
 * <p>
 * Triage is team state ({@link TeamState}, kind {@value #TRIAGE}): each triage change is reported with the whole
 * alert, so a workstation that never raised the alert (it did not ingest those events) still gets it with its state
 * and note. Raising and re-firing are not reported: every workstation following the same groups raises the same
 * alert (same id) itself, and reporting those would make every firing a conflict.
 */
public final class AlertStore {

    /** The team state kind of an alert with its triage. */
    public static final String TRIAGE = "alert-triage";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, rule_id, rule_title, severity, author, tags, group_key, first_time,"
            + " last_time, firings, summary, state, note, updated_at";

    private final DataSource dataSource;
    private final Clock clock;
    private final TeamState team;

    /** Triage kept to this cache. */
    public AlertStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC(), TeamState.LOCAL_ONLY);
    }

    public AlertStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, TeamState.LOCAL_ONLY);
    }

    /** Triage shared with the team through {@code team}; takes the team's triage from now on. */
    public AlertStore(DataSource dataSource, Clock clock, TeamState team) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.team = team;
        team.subscribe(TRIAGE, (id, body, deleted) -> applyTeamChange(id, body, deleted));
    }

    /** The team state triage is shared through, for views that show its overwrite markers. */
    public TeamState team() {
        return team;
    }

    /**
     * Inserts the alert, or updates it when its id is stored already (a re-fire within the suppression window): the
     * firing facts and events are replaced, the triage state and note are kept.
     */
    public void save(Alert a) {
        try (Connection c = dataSource.getConnection()) {
            inTransaction(c, tx -> upsert(tx, a));
        } catch (SQLException e) {
            throw new StoreException("cannot save alert " + a.id() + ": " + e.getMessage(), e);
        }
    }

    /** Saves several alerts in one transaction (a batch from the engine). */
    public void saveAll(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            inTransaction(c, tx -> {
                for (Alert a : alerts) {
                    upsert(tx, a);
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot save " + alerts.size() + " alerts: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} as one transaction on {@code c}: committed, or rolled back when it throws. */
    private static void inTransaction(Connection c, SqlWork work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void upsert(Connection c, Alert a) throws SQLException {
        long now = clock.millis();
        int updated;
        try (PreparedStatement up = c.prepareStatement("UPDATE alerts SET rule_title = ?, severity = ?, author = ?,"
                + " tags = ?, last_time = ?, firings = ?, summary = ?, updated_at = ? WHERE id = ?")) {
            up.setString(1, a.ruleTitle());
            up.setString(2, a.severity().lower());
            up.setString(3, a.author());
            up.setString(4, json(a.tags()));
            up.setLong(5, a.lastTime().toEpochMilli());
            up.setInt(6, a.firings());
            up.setString(7, a.summary());
            up.setLong(8, now);
            up.setString(9, a.id());
            updated = up.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement in = c.prepareStatement("INSERT INTO alerts (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', NULL, ?)")) {
                in.setString(1, a.id());
                in.setString(2, a.ruleId());
                in.setString(3, a.ruleTitle());
                in.setString(4, a.severity().lower());
                in.setString(5, a.author());
                in.setString(6, json(a.tags()));
                in.setString(7, a.groupKey());
                in.setLong(8, a.firstTime().toEpochMilli());
                in.setLong(9, a.lastTime().toEpochMilli());
                in.setInt(10, a.firings());
                in.setString(11, a.summary());
                in.setLong(12, now);
                in.executeUpdate();
            }
        }
        // The engine only ever appends to an alert's events (DetectionEngine.fold), so a refiring stores just the ones
        // after those already saved: rewriting them all made every refiring of a busy alert cost its whole history.
        int saved = updated == 0 ? 0 : savedEvents(c, a.id());
        if (saved > a.events().size()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM alert_events WHERE alert_id = ?")) {
                del.setString(1, a.id());
                del.executeUpdate();
            }
            saved = 0;
        }
        if (saved == a.events().size()) {
            return;
        }
        try (PreparedStatement ev = c.prepareStatement(
                "INSERT INTO alert_events (alert_id, position, log_group, event_id) VALUES (?, ?, ?, ?)")) {
            for (int i = saved; i < a.events().size(); i++) {
                EventRef r = a.events().get(i);
                ev.setString(1, a.id());
                ev.setInt(2, i);
                ev.setString(3, r.logGroup());
                ev.setString(4, r.eventId());
                ev.addBatch();
            }
            ev.executeBatch();
        }
    }

    private static int savedEvents(Connection c, String alertId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM alert_events WHERE alert_id = ?")) {
            ps.setString(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Matching alerts, newest last firing first, each with its events. */
    public List<StoredAlert> list(AlertFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        if (!filter.states().isEmpty()) {
            sql.append(" AND state IN (").append(placeholders(filter.states().size())).append(')');
            filter.states().forEach(s -> params.add(s.dbName()));
        }
        if (!filter.severities().isEmpty()) {
            sql.append(" AND severity IN (").append(placeholders(filter.severities().size())).append(')');
            filter.severities().forEach(s -> params.add(s.lower()));
        }
        sql.append(" ORDER BY last_time DESC, id LIMIT ").append(filter.limit());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            Map<String, StoredAlert> rows = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredAlert s = row(rs, List.of());
                    rows.put(s.alert().id(), s);
                }
            }
            return withEvents(c, rows);
        } catch (SQLException e) {
            throw new StoreException("cannot list alerts: " + e.getMessage(), e);
        }
    }

    public Optional<StoredAlert> get(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE id = ?")) {
            ps.setString(1, id);
            Map<String, StoredAlert> rows = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    rows.put(id, row(rs, List.of()));
                }
            }
            return withEvents(c, rows).stream().findFirst();
        } catch (SQLException e) {
            throw new StoreException("cannot read alert " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the triage state and note ({@code note} null keeps the current note).
     *
     * @return false when no alert has that id
     */
    public boolean setState(String id, TriageState state, String note) {
        String sql = note == null ? "UPDATE alerts SET state = ?, updated_at = ? WHERE id = ?"
                : "UPDATE alerts SET state = ?, updated_at = ?, note = ? WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state.dbName());
            ps.setLong(2, clock.millis());
            if (note == null) {
                ps.setString(3, id);
            } else {
                ps.setString(3, note);
                ps.setString(4, id);
            }
            if (ps.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot set the state of alert " + id + ": " + e.getMessage(), e);
        }
        get(id).ifPresent(stored -> team.changed(TRIAGE, id, triageJson(stored)));
        return true;
    }

    /**
     * Takes another workstation's triage: state and note onto the stored alert, or the whole alert when this cache
     * does not have it; a delete removes the alert. Not reported back to the team.
     */
    private void applyTeamChange(String id, String body, boolean deleted) {
        try (Connection c = dataSource.getConnection()) {
            if (deleted) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM alerts WHERE id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
                return;
            }
            JsonNode b = JSON.readTree(body);
            TriageState state = TriageState.fromDb(b.path("state").asText());
            String note = b.hasNonNull("note") ? b.get("note").asText() : null;
            inTransaction(c, tx -> {
                if (!setTriage(tx, id, state, note)) {
                    upsert(tx, alertFrom(b.path("alert")));
                    setTriage(tx, id, state, note);
                }
            });
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot apply the team's triage of alert " + id + ": " + e.getMessage(), e);
        }
    }

    private boolean setTriage(Connection c, String id, TriageState state, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET state = ?, note = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, state.dbName());
            ps.setString(2, note);
            ps.setLong(3, clock.millis());
            ps.setString(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** An alert and its triage as the team shares it. */
    static String triageJson(StoredAlert stored) {
        Alert a = stored.alert();
        ObjectNode alert = JSON.createObjectNode()
                .put("id", a.id()).put("ruleId", a.ruleId()).put("ruleTitle", a.ruleTitle())
                .put("severity", a.severity().lower()).put("author", a.author()).put("groupKey", a.groupKey())
                .put("firstTime", a.firstTime().toEpochMilli()).put("lastTime", a.lastTime().toEpochMilli())
                .put("firings", a.firings()).put("summary", a.summary());
        ArrayNode tags = alert.putArray("tags");
        a.tags().forEach(tags::add);
        ArrayNode events = alert.putArray("events");
        a.events().forEach(e -> events.addObject().put("logGroup", e.logGroup()).put("eventId", e.eventId()));
        ObjectNode body = JSON.createObjectNode().put("state", stored.state().dbName()).put("note", stored.note());
        body.set("alert", alert);
        return body.toString();
    }

    private static Alert alertFrom(JsonNode a) {
        List<String> tags = new ArrayList<>();
        a.path("tags").forEach(t -> tags.add(t.asText()));
        List<EventRef> events = new ArrayList<>();
        a.path("events").forEach(e -> events.add(new EventRef(e.path("logGroup").asText(), e.path("eventId").asText())));
        return new Alert(a.path("id").asText(), a.path("ruleId").asText(), a.path("ruleTitle").asText(),
                RuleSeverity.named(a.path("severity").asText()).orElse(RuleSeverity.MEDIUM), a.path("author").asText(null),
                tags, a.path("groupKey").asText(), Instant.ofEpochMilli(a.path("firstTime").asLong()),
                Instant.ofEpochMilli(a.path("lastTime").asLong()), a.path("firings").asInt(1), events,
                a.path("summary").asText(null));
    }

    private List<StoredAlert> withEvents(Connection c, Map<String, StoredAlert> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<EventRef>> events = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(rows.keySet());
        try (PreparedStatement ps = c.prepareStatement("SELECT alert_id, log_group, event_id FROM alert_events"
                + " WHERE alert_id IN (" + placeholders(ids.size()) + ") ORDER BY alert_id, position")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new EventRef(rs.getString(2), rs.getString(3)));
                }
            }
        }
        List<StoredAlert> out = new ArrayList<>();
        for (StoredAlert s : rows.values()) {
            Alert a = s.alert();
            out.add(new StoredAlert(new Alert(a.id(), a.ruleId(), a.ruleTitle(), a.severity(), a.author(), a.tags(),
                    a.groupKey(), a.firstTime(), a.lastTime(), a.firings(), events.getOrDefault(a.id(), List.of()),
                    a.summary()), s.state(), s.note(), s.updatedAt()));
        }
        return out;
    }

    private static StoredAlert row(ResultSet rs, List<EventRef> events) throws SQLException {
        Alert a = new Alert(rs.getString("id"), rs.getString("rule_id"), rs.getString("rule_title"),
                RuleSeverity.named(rs.getString("severity")).orElse(RuleSeverity.MEDIUM), rs.getString("author"),
                tags(rs.getString("tags")), rs.getString("group_key"), Instant.ofEpochMilli(rs.getLong("first_time")),
                Instant.ofEpochMilli(rs.getLong("last_time")), rs.getInt("firings"), events, rs.getString("summary"));
        return new StoredAlert(a, TriageState.fromDb(rs.getString("state")), rs.getString("note"),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static String placeholders(int n) {
        return java.util.Collections.nCopies(n, "?").stream().collect(Collectors.joining(", "));
    }

    private static String json(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tags(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of(json);
        }
    }
}
