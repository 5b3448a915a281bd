package io.watchpost.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.normalize.SourceTypes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generates events for sync tests and reads them back from PostgreSQL into the same model. */
final class TestEvents {

    /** Noon UTC, a few days before "now" so that the default partition window always covers it. */
    static final Instant BASE = Instant.parse("2026-01-10T12:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    /** {@code count} plain events in {@code logGroup}, ids {@code firstId …}, spread over {@code days} UTC days. */
    static List<Event> generate(String logGroup, int firstId, int count, int days) {
        List<Event> out = new ArrayList<>(count);
        for (int i = firstId; i < firstId + count; i++) {
            Instant time = BASE.plusSeconds((long) (i % days) * 86_400 + (i % 3600));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("requestId", "req-" + i);
            fields.put("http.status", String.valueOf(200 + i % 5));
            fields.put("detail.path", "/api/v1/items/" + i);
            String raw = "{\"eventName\":\"GetObject\",\"user\":\"u" + (i % 50) + "\",\"n\":" + i + "}";
            out.add(new Event(time, time.plusMillis(1234), logGroup, "stream-" + (i % 7), id(i),
                    i % 2 == 0 ? SourceTypes.CLOUDTRAIL : SourceTypes.JSON, Severity.values()[i % Severity.values().length],
                    i % 3 == 0 ? null : "GetObject", i % 4 == 0 ? null : "success", i % 5 == 0 ? null : "user" + (i % 50),
                    i % 6 == 0 ? null : "10.0." + (i % 256) + "." + (i % 200), "message number " + i, raw, fields,
                    i % 11 == 0 ? "truncated" : null));
        }
        return out;
    }

    static String id(int i) {
        return String.format("%056d", i);
    }

    /** Events whose text exercises every escape of the COPY path. */
    static List<Event> tricky(String logGroup) {
        String nasty = "tab\there\nnewline\r\nCRLF back\\slash \\N \\. \"double\" 'single' , ; | \u00e9\u00e8 \u4e2d\u6587 "
                + "\ud83d\udd25 emoji \u2028 line-sep \u0001 ctrl";
        StringBuilder big = new StringBuilder(210_000);
        while (big.length() < 200_000) {
            big.append("0123456789abcdef\t\\\n\"\u00fc");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("weird key\t\"\\", nasty);
        fields.put("unicode.\u00fc", "\ud83d\ude00");
        fields.put("empty", "");
        fields.put("json.looking", "{\"a\":[1,2]}");
        Instant t = BASE.plusMillis(987);
        List<Event> out = new ArrayList<>();
        out.add(new Event(t, t.plusMillis(1), logGroup, nasty, "tricky-1", SourceTypes.TEXT, Severity.ERROR, nasty,
                "failure", nasty, "not an ip \\ at all", nasty, nasty, fields, nasty));
        out.add(new Event(t, t.plusMillis(2), logGroup, "", "tricky-2", SourceTypes.TEXT, Severity.INFO, null, null, null,
                null, big.toString(), big.toString(), Map.of(), null));
        out.add(new Event(t, t, logGroup, "s", "tricky-3", SourceTypes.TEXT, Severity.DEBUG, "", "", "", "",
                "", "", Map.of("only", "\\"), ""));
        return out;
    }

    /** Every event in the target, as the model, keyed by (log_group, event_id) order. */
    static List<Event> readAll(Connection pg) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT log_group, event_id, log_stream, "
                + "(extract(epoch FROM event_time) * 1000)::bigint, (extract(epoch FROM ingest_time) * 1000)::bigint, "
                + "source_type, severity, action, outcome, user_name, source_ip, message, raw, fields::text, parse_error "
                + "FROM events ORDER BY log_group, event_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Event(Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
                        rs.getString(1), rs.getString(3), rs.getString(2), rs.getString(6),
                        Severity.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), fields(rs.getString(14)), rs.getString(15)));
            }
        }
        return out;
    }

    static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (Exception e) {
            throw new AssertionError("not a JSON object of strings: " + json, e);
        }
    }

    static long count(Connection pg, String sql) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
