package io.watchpost.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drops the target's daily partitions older than N days (UTC), and deletes such rows from the default partition.
 * Dropping a table is instant and leaves no dead rows behind, which is why events are partitioned by day.
 */
public final class Retention {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final PgTarget target;
    private final Clock clock;

    /** What one {@link #dropOlderThan(int)} did. */
    public record Report(List<String> droppedPartitions, long deletedFromDefault, LocalDate keptFrom) {
    }

    public Retention(PgTarget target) {
        this(target, Clock.systemUTC());
    }

    public Retention(PgTarget target, Clock clock) {
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps today and the {@code days} days before it; {@code days} must be at least 1. */
    public Report dropOlderThan(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("--retain-days must be at least 1");
        }
        LocalDate keepFrom = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(days);
        PgSchema.migrate(target);
        try (Connection pg = target.connect()) {
            List<String> dropped = new ArrayList<>();
            for (String partition : partitions(pg)) {
                LocalDate day = dayOf(partition);
                if (day != null && day.isBefore(keepFrom)) {
                    try (Statement st = pg.createStatement()) {
                        // The name came from pg_inherits and matched events_pYYYYMMDD exactly: safe to splice into DDL.
                        st.execute("DROP TABLE IF EXISTS " + partition);
                    }
                    dropped.add(partition);
                }
            }
            long deleted;
            try (PreparedStatement ps = pg.prepareStatement("DELETE FROM events_default WHERE event_time < ?")) {
                ps.setObject(1, OffsetDateTime.of(keepFrom.atStartOfDay(), ZoneOffset.UTC));
                deleted = ps.executeUpdate();
            }
            return new Report(dropped, deleted, keepFrom);
        } catch (SQLException e) {
            throw SyncFailures.of(target, "retention", e);
        }
    }

    private static List<String> partitions(Connection pg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT c.relname FROM pg_inherits i "
                + "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent "
                + "WHERE p.relname = 'events' AND p.relnamespace = current_schema()::regnamespace ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static LocalDate dayOf(String partition) {
        if (!partition.matches("events_p\\d{8}")) {
            return null;
        }
        try {
            return LocalDate.parse(partition.substring("events_p".length()), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
