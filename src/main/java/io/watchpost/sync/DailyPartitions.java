package io.watchpost.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;

/**
 * Creates the target's daily partitions ({@code events_pYYYYMMDD}, UTC days) before a batch needs them.
 * <p>
 * Only days within a window around today get a partition: a batch of garbage timestamps spread over centuries would
 * otherwise create thousands of tables. Rows of other days go to {@code events_default}; if such a day later enters
 * the window (a future-dated event whose day arrives), its rows are moved out of the default partition into the new
 * one, because PostgreSQL refuses to create a partition whose rows already sit in the default partition.
 */
final class DailyPartitions {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'events_p'yyyyMMdd");
    // Any fixed number: every workstation takes this advisory lock around partition DDL, so two creating the same
    // day wait for each other instead of one failing.
    private static final long DDL_LOCK = 0x5741_5443_4850_5354L;

    private final Clock clock;
    private final int pastDays;
    private final int futureDays;
    private final Set<LocalDate> known = new HashSet<>();

    DailyPartitions(Clock clock, int pastDays, int futureDays) {
        this.clock = clock;
        this.pastDays = pastDays;
        this.futureDays = futureDays;
    }

    static String tableName(LocalDate day) {
        return NAME.format(day);
    }

    boolean inWindow(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return !day.isBefore(today.minusDays(pastDays)) && !day.isAfter(today.plusDays(futureDays));
    }

    /** True once {@link #ensure} found or created the day's partition in this process. */
    synchronized boolean isKnown(LocalDate day) {
        return known.contains(day);
    }

    /** Forgets what exists, e.g. after a failure: retention may have dropped a partition since. */
    synchronized void forget() {
        known.clear();
    }

    /** Makes sure each day in the window has its partition. Runs its own short transactions; leaves autocommit on. */
    synchronized void ensure(Connection pg, SortedSet<LocalDate> days) throws SQLException {
        for (LocalDate day : days) {
            if (known.contains(day) || !inWindow(day)) {
                continue;
            }
            if (!exists(pg, day)) {
                create(pg, day);
            }
            known.add(day);
        }
    }

    private static boolean exists(Connection pg, LocalDate day) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, tableName(day));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void create(Connection pg, LocalDate day) throws SQLException {
        // DDL cannot take bind parameters. Every piece spliced in below comes from a LocalDate, never from event data.
        String table = tableName(day);
        String from = "'" + day + " 00:00:00+00'";
        String to = "'" + day.plusDays(1) + " 00:00:00+00'";
        String bounds = "FOR VALUES FROM (" + from + ") TO (" + to + ")";
        String inRange = "event_time >= " + from + " AND event_time < " + to;
        pg.setAutoCommit(false);
        try (Statement st = pg.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
            if (!exists(pg, day)) { // another workstation may have created it while we waited
                boolean defaultHasRows;
                try (ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM events_default WHERE " + inRange + ")")) {
                    rs.next();
                    defaultHasRows = rs.getBoolean(1);
                }
                if (defaultHasRows) {
                    // Stop writers to the default partition, move the day's rows into a fresh table, attach it.
                    st.execute("LOCK TABLE events_default IN ACCESS EXCLUSIVE MODE");
                    st.execute("CREATE TABLE " + table + " (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                    st.execute("INSERT INTO " + table + " SELECT * FROM events_default WHERE " + inRange);
                    st.execute("DELETE FROM events_default WHERE " + inRange);
                    st.execute("ALTER TABLE events ATTACH PARTITION " + table + " " + bounds);
                } else {
                    st.execute("CREATE TABLE " + table + " PARTITION OF events " + bounds);
                }
            }
            pg.commit();
        } catch (SQLException | RuntimeException e) {
            pg.rollback();
            throw e;
        } finally {
            pg.setAutoCommit(true);
        }
    }
}
