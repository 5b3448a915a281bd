package io.watchpost.store;

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
 */
public final class InvestigationStore {

    /** How many recent filters are kept; older ones are pruned when a new one is remembered. */
    public static final int HISTORY_SIZE = 50;

    private final DataSource dataSource;

    public InvestigationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<String> tags(EventKey key) {
        return strings("SELECT tag FROM event_tags WHERE log_group = ? AND event_id = ? ORDER BY tag",
                key.logGroup(), key.eventId());
    }

    public void addTag(EventKey key, String tag) {
        update("MERGE INTO event_tags (log_group, event_id, tag, created_at) KEY (log_group, event_id, tag) "
                + "VALUES (?, ?, ?, ?)", key.logGroup(), key.eventId(), tag.strip(), System.currentTimeMillis());
    }

    public void removeTag(EventKey key, String tag) {
        update("DELETE FROM event_tags WHERE log_group = ? AND event_id = ? AND tag = ?", key.logGroup(), key.eventId(), tag);
    }

    public Optional<String> note(EventKey key) {
        List<String> notes = strings("SELECT note FROM event_notes WHERE log_group = ? AND event_id = ?",
                key.logGroup(), key.eventId());
        return notes.stream().findFirst();
    }

    /** A blank note deletes the event's note. */
    public void setNote(EventKey key, String note) {
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
        update("MERGE INTO saved_searches (name, filter_text, range_spec, saved_at) KEY (name) VALUES (?, ?, ?, ?)",
                search.name(), search.filterText(), search.rangeSpec(), System.currentTimeMillis());
    }

    public void deleteSavedSearch(String name) {
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
