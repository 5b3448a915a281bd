package io.watchpost.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an analyst adds to the cache while investigating (V7 tables): tags and a note per event, saved searches and
 * the recent-filter history. Thread-safe: each call takes its own connection.
 * <p>
 * Tags, notes and saved searches are team state: each change is also reported to {@link TeamState} (one object per
 * tag, so two analysts tagging one event differently both keep their tags), and the team's changes are written back
 * into the tables here. The filter history stays this analyst's own.
 */
public final class InvestigationStore {

    /** How many recent filters are kept; older ones are pruned when a new one is remembered. */
    public static final int HISTORY_SIZE = 50;
    /** Team state kinds. */
    public static final String TAG = "tag";
    public static final String NOTE = "note";
    public static final String SAVED_SEARCH = "saved-search";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final TeamState team;

    /** Kept to this cache alone. */
    public InvestigationStore(DataSource dataSource) {
        this(dataSource, TeamState.LOCAL_ONLY);
    }

    /** Shared with the team through {@code team}; takes the team's changes from now on. */
    public InvestigationStore(DataSource dataSource, TeamState team) {
        this.dataSource = dataSource;
        this.team = team;
        team.subscribe(TAG, (id, body, deleted) -> {
            JsonNode b = read(body);
            EventKey key = new EventKey(b.path("logGroup").asText(), b.path("eventId").asText());
            if (deleted) {
                deleteTag(key, b.path("tag").asText());
            } else {
                insertTag(key, b.path("tag").asText());
            }
        });
        team.subscribe(NOTE, (id, body, deleted) -> {
            JsonNode b = read(body);
            writeNote(new EventKey(b.path("logGroup").asText(), b.path("eventId").asText()),
                    deleted ? null : b.path("note").asText());
        });
        team.subscribe(SAVED_SEARCH, (id, body, deleted) -> {
            JsonNode b = read(body);
            if (deleted) {
                deleteSearch(b.path("name").asText());
            } else {
                writeSearch(new SavedSearch(b.path("name").asText(), b.path("filterText").asText(),
                        b.path("rangeSpec").asText()));
            }
        });
    }

    /** The team state these are shared through, for views that show its overwrite markers. */
    public TeamState team() {
        return team;
    }

    /** The team state id of a tag: log group and event id hold no spaces, so the id is unambiguous. */
    public static String tagId(EventKey key, String tag) {
        return noteId(key) + " " + tag.strip();
    }

    public static String noteId(EventKey key) {
        return key.logGroup() + " " + key.eventId();
    }

    public List<String> tags(EventKey key) {
        return strings("SELECT tag FROM event_tags WHERE log_group = ? AND event_id = ? ORDER BY tag",
                key.logGroup(), key.eventId());
    }

    public void addTag(EventKey key, String tag) {
        insertTag(key, tag);
        team.changed(TAG, tagId(key, tag), json("logGroup", key.logGroup(), "eventId", key.eventId(), "tag", tag.strip()));
    }

    public void removeTag(EventKey key, String tag) {
        deleteTag(key, tag);
        team.deleted(TAG, tagId(key, tag));
    }

    private void insertTag(EventKey key, String tag) {
        update("MERGE INTO event_tags (log_group, event_id, tag, created_at) KEY (log_group, event_id, tag) "
                + "VALUES (?, ?, ?, ?)", key.logGroup(), key.eventId(), tag.strip(), System.currentTimeMillis());
    }

    private void deleteTag(EventKey key, String tag) {
        update("DELETE FROM event_tags WHERE log_group = ? AND event_id = ? AND tag = ?", key.logGroup(), key.eventId(),
                tag.strip());
    }

    public Optional<String> note(EventKey key) {
        List<String> notes = strings("SELECT note FROM event_notes WHERE log_group = ? AND event_id = ?",
                key.logGroup(), key.eventId());
        return notes.stream().findFirst();
    }

    /** A blank note deletes the event's note. */
    public void setNote(EventKey key, String note) {
        writeNote(key, note);
        if (note == null || note.isBlank()) {
            team.deleted(NOTE, noteId(key));
        } else {
            team.changed(NOTE, noteId(key), json("logGroup", key.logGroup(), "eventId", key.eventId(), "note", note));
        }
    }

    private void writeNote(EventKey key, String note) {
        if (note == null || note.isBlank()) {
            update("DELETE FROM event_notes WHERE log_group = ? AND event_id = ?", key.logGroup(), key.eventId());
        } else {
            update("MERGE INTO event_notes (log_group, event_id, note, updated_at) KEY (log_group, event_id) "
                    + "VALUES (?, ?, ?, ?)", key.logGroup(), key.eventId(), note, System.currentTimeMillis());
        }
    }

    public List<SavedSearch> savedSearches() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT name, filter_text, range_spec FROM saved_searches ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            List<SavedSearch> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new SavedSearch(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("could not read the saved searches", e);
        }
    }

    /** Saves or replaces the search of that name. */
    public void save(SavedSearch search) {
        writeSearch(search);
        team.changed(SAVED_SEARCH, search.name(), json("name", search.name(), "filterText", search.filterText(),
                "rangeSpec", search.rangeSpec()));
    }

    public void deleteSavedSearch(String name) {
        deleteSearch(name);
        team.deleted(SAVED_SEARCH, name);
    }

    private void writeSearch(SavedSearch search) {
        update("MERGE INTO saved_searches (name, filter_text, range_spec, saved_at) KEY (name) VALUES (?, ?, ?, ?)",
                search.name(), search.filterText(), search.rangeSpec(), System.currentTimeMillis());
    }

    private void deleteSearch(String name) {
        update("DELETE FROM saved_searches WHERE name = ?", name);
    }

    /** Remembers a filter that was run; blank filters are not worth remembering. */
    public void rememberFilter(String filterText) {
        if (filterText == null || filterText.isBlank()) {
            return;
        }
        update("MERGE INTO filter_history (filter_text, used_at) KEY (filter_text) VALUES (?, ?)",
                filterText.strip(), System.currentTimeMillis());
        update("DELETE FROM filter_history WHERE filter_text NOT IN "
                + "(SELECT filter_text FROM filter_history ORDER BY used_at DESC LIMIT ?)", HISTORY_SIZE);
    }

    /** The most recently run filters, newest first. */
    public List<String> recentFilters(int limit) {
        return strings("SELECT filter_text FROM filter_history ORDER BY used_at DESC LIMIT ?", limit);
    }

    /** A JSON object of the given name/value pairs. */
    private static String json(String... namesAndValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node.toString();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new StoreException("a shared object is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private List<String> strings(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            EventStore.bind(ps, List.of(params), 1);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("could not read investigation data", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            EventStore.bind(ps, List.of(params), 1);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not save investigation data", e);
        }
    }
}
