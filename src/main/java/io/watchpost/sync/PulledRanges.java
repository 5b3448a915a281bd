package io.watchpost.sync;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seq ranges of cached events that came from a target by pull ({@code sync_pulled_ranges}). The push leaves them out:
 * the target already holds them, and sending them back would cost a merge per row for nothing. Losing a range (a
 * crash right after the pull stored its rows) is harmless: the merge ignores the re-sent rows.
 */
final class PulledRanges {

    /** The ranges that overlap one batch, looked up in memory per row. */
    record Skip(long[] first, long[] last) {
        boolean contains(long seq) {
            for (int i = 0; i < first.length; i++) {
                if (seq >= first[i] && seq <= last[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    private final DataSource cache;
    private final String targetKey;

    PulledRanges(DataSource cache, String targetKey) {
        this.cache = cache;
        this.targetKey = targetKey;
    }

    /** Records that the cached events with these seqs (any order, duplicates allowed) came from the target. */
    void add(long[] seqs) throws SQLException {
        if (seqs.length == 0) {
            return;
        }
        long[] sorted = seqs.clone();
        java.util.Arrays.sort(sorted);
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "MERGE INTO sync_pulled_ranges (target_key, first_seq, last_seq) KEY (target_key, first_seq) VALUES (?, ?, ?)")) {
            long first = sorted[0];
            long last = first;
            for (int i = 1; i <= sorted.length; i++) {
                if (i < sorted.length && sorted[i] <= last + 1) {
                    last = Math.max(last, sorted[i]);
                    continue;
                }
                ps.setString(1, targetKey);
                ps.setLong(2, first);
                ps.setLong(3, last);
                ps.addBatch();
                if (i < sorted.length) {
                    first = sorted[i];
                    last = first;
                }
            }
            ps.executeBatch();
        }
    }

    Skip within(long after, long upTo) throws SQLException {
        List<long[]> ranges = new ArrayList<>();
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT first_seq, last_seq FROM sync_pulled_ranges "
                     + "WHERE target_key = ? AND last_seq > ? AND first_seq <= ?")) {
            ps.setString(1, targetKey);
            ps.setLong(2, after);
            ps.setLong(3, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ranges.add(new long[]{rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        long[] first = new long[ranges.size()];
        long[] last = new long[ranges.size()];
        for (int i = 0; i < first.length; i++) {
            first[i] = ranges.get(i)[0];
            last[i] = ranges.get(i)[1];
        }
        return new Skip(first, last);
    }

    /** Ranges wholly below the high-water mark will never be read again. */
    void forgetUpTo(long mark) throws SQLException {
        try (Connection c = cache.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM sync_pulled_ranges WHERE target_key = ? AND last_seq <= ?")) {
            ps.setString(1, targetKey);
            ps.setLong(2, mark);
            ps.executeUpdate();
        }
    }
}
