package io.watchpost.source;

import io.watchpost.source.emulator.EmulatedLogs;
import io.watchpost.source.emulator.FilterPage;
import io.watchpost.source.emulator.FilterRequest;
import io.watchpost.source.emulator.FilteredEvent;
import io.watchpost.source.emulator.InputLogEvent;
import io.watchpost.store.Cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helpers: seed the endpoint, and compare what it holds with what the cache holds. */
final class SourceEvents {

    private SourceEvents() {
    }

    /** {@code count} events over {@code streams} streams, one per ms from {@code firstTime}, each message unique. */
    static void seed(EmulatedLogs logs, String group, int streams, int count, long firstTime, int messageBytes) {
        String pad = "x".repeat(Math.max(0, messageBytes - 40));
        List<List<InputLogEvent>> per = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            per.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            per.get(i % streams).add(new InputLogEvent(firstTime + i, "event " + i + " of " + group + " " + pad));
        }
        for (int s = 0; s < streams; s++) {
            logs.seed(group, "stream-" + s, per.get(s));
        }
    }

    /** Every event of the group as the endpoint holds it, read in-process (no gate, no faults). */
    static List<FilteredEvent> endpointEvents(EmulatedLogs logs, String group) {
        List<FilteredEvent> out = new ArrayList<>();
        FilterRequest r = FilterRequest.all(group);
        while (true) {
            FilterPage page = logs.filterLogEvents(r);
            out.addAll(page.events());
            if (page.nextToken() == null) {
                return out;
            }
            r = r.withNextToken(page.nextToken());
        }
    }

    static Set<String> endpointIds(EmulatedLogs logs, String group) {
        Set<String> ids = new HashSet<>();
        for (FilteredEvent e : endpointEvents(logs, group)) {
            ids.add(e.eventId());
        }
        return ids;
    }

    /** eventId → how many rows the cache holds for it in the group (the unique key makes >1 impossible; we check). */
    static Map<String, Integer> cachedIds(Cache cache, String group) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = cache.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_id FROM events WHERE log_group = ?")) {
            ps.setString(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(rs.getString(1), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /** (stream, timestamp, message) of every cached event of the group, counting repeats. */
    static Map<String, Integer> cachedContent(Cache cache, String group) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = cache.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT log_stream, event_time, raw FROM events WHERE log_group = ?")) {
            ps.setString(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.merge(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    static Map<String, Integer> endpointContent(EmulatedLogs logs, String group) {
        Map<String, Integer> out = new HashMap<>();
        for (FilteredEvent e : endpointEvents(logs, group)) {
            out.merge(e.logStreamName() + "|" + e.timestamp() + "|" + e.message(), 1, Integer::sum);
        }
        return out;
    }
}
