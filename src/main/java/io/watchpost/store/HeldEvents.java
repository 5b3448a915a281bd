package io.watchpost.store;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnel;
import io.watchpost.normalize.Event;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells which events of a batch the cache does not hold yet: an event is its log group and eventId, stored once.
 *
 * <p>A unique index on (log_group, event_id) used to say this for every insert, and it was one of the dearest parts
 * of a write: H2 descends each index of a row on insert and again on commit, and profiles showed the cost following
 * the number of indexes, not what they hold (a unique BIGINT hash in its place cost the same). The answer is almost
 * always "new", so a Bloom filter of every held key gives it from memory: "no" is certain; "maybe" (a page fetched
 * again after a restart, a backfill over a cached range, a pull from the team's PostgreSQL, or about one new event in
 * a hundred) is looked up, a batch at a time, by the events' times through the covering time index. A copy of an event
 * carries its original's time; the normalizer gives the same event the same time, as long as the log group's time
 * settings (zone, year) are not changed between the two ingests.
 *
 * <p>The filters are kept in the cache ({@code held_events_filter}) with the highest seq they cover, saved now and
 * then and on close; on open the rows after that seq are added, so a crash costs a short scan, never a wrong "no".
 * When the newest filter is full a new one twice its size is started (a scalable Bloom filter), so the false-positive
 * rate stays near {@link #FALSE_POSITIVES} per filter however far the cache grows.
 *
 * <p>Not thread-safe: {@link EventStore} calls it under its write lock.
 */
final class HeldEvents {

    static final double FALSE_POSITIVES = 0.01;
    static final long FIRST_CAPACITY = 1L << 20;
    /**
     * Saved after this many new events, or an eighth of all held when that is more, besides on close: a crash then
     * rereads at most that many rows on open, and a large cache does not rewrite its large filter too often.
     */
    private static final long SAVE_EVERY = 1_000_000;

    /**
     * Through ix_events_time_cover, an index lookup per distinct time. The group is compared here, not in SQL: with
     * {@code AND log_group = ?} beside it H2 bounds the cursor by that (fifth) column first, drops the IN list and
     * scans the whole index (150-500 ms per lookup at half a million rows).
     */
    private static final String HELD = "SELECT log_group, event_id FROM events WHERE event_time = ANY(?)";

    /**
     * A key goes into the filter as one 64-bit FNV-1a hash of its group and id: Guava's Murmur3 then runs over 8
     * bytes, not ~160 (streamed over the chars it was about 5 % of an ingest thread in the end-to-end profile). Two
     * keys with the same hash only make a "maybe", which the lookup settles.
     */
    private static final Funnel<EventKey> KEY = (k, into) -> into.putLong(fnv1a(k.logGroup()) * 0x9E3779B97F4A7C15L
            + fnv1a(k.eventId()));

    /** One filter of the chain and how many keys went into it: the newest takes keys until it holds its capacity. */
    private static final class Part {
        final BloomFilter<EventKey> filter;
        final long capacity;
        long count;

        Part(BloomFilter<EventKey> filter, long capacity, long count) {
            this.filter = filter;
            this.capacity = capacity;
            this.count = count;
        }
    }

    private final List<Part> parts = new ArrayList<>();
    private long unsaved;

    private HeldEvents() {
    }

    /** Loads the saved filters and adds what was stored after them; on a cache without any, reads every key. */
    static HeldEvents load(Connection c) throws SQLException {
        return load(c, FIRST_CAPACITY);
    }

    static HeldEvents load(Connection c, long firstCapacity) throws SQLException {
        HeldEvents held = new HeldEvents();
        long coveredSeq = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT covered_seq, filters FROM held_events_filter WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
            if (rs.next() && held.read(rs.getBytes(2))) {
                coveredSeq = rs.getLong(1);
            }
        }
        if (held.parts.isEmpty()) {
            held.parts.add(new Part(BloomFilter.create(KEY, firstCapacity, FALSE_POSITIVES), firstCapacity, 0));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT log_group, event_id FROM events WHERE seq > ?")) {
            ps.setLong(1, coveredSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.put(new EventKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return held;
    }

    /** The events of {@code batch} the cache does not hold, in batch order, each once. */
    List<EncodedEvent> unseen(Connection c, List<EncodedEvent> batch) throws SQLException {
        boolean[] keep = new boolean[batch.size()];
        Set<EventKey> inBatch = new HashSet<>(batch.size() * 2);
        List<Integer> maybeHeld = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Event e = batch.get(i).event();
            EventKey key = EventKey.of(e);
            if (!inBatch.add(key)) {
                continue; // the same event twice in one batch (overlapping pages): the first copy speaks for both
            }
            if (mightHold(key)) {
                maybeHeld.add(i);
            } else {
                keep[i] = true;
            }
        }
        if (!maybeHeld.isEmpty()) {
            Set<EventKey> held = held(c, maybeHeld, batch);
            for (int i : maybeHeld) {
                keep[i] = !held.contains(EventKey.of(batch.get(i).event()));
            }
        }
        List<EncodedEvent> out = new ArrayList<>(batch.size());
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out.add(batch.get(i));
            }
        }
        return out;
    }

    /**
     * Takes in events just inserted, before their commit: if it rolls back they stay in the filter, which only makes
     * a later "maybe" of them a lookup.
     */
    void add(List<EncodedEvent> inserted) {
        for (EncodedEvent e : inserted) {
            put(EventKey.of(e.event()));
        }
        unsaved += inserted.size();
    }

    boolean dueForSave() {
        return unsaved >= Math.max(SAVE_EVERY, held() / 8);
    }

    /** How many keys the filters hold. */
    long held() {
        long n = 0;
        for (Part p : parts) {
            n += p.count;
        }
        return n;
    }

    /**
     * Saves the filters in the caller's transaction, as covering every row up to {@code maxSeq}: the highest seq that
     * transaction sees, all of whose rows were added. Not a seq remembered from an append that rolled back: H2 may
     * hand that number out again after a crash, to a row the saved filter would then wrongly claim.
     */
    void save(Connection c, long maxSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO held_events_filter (id, covered_seq, filters) KEY (id) VALUES (1, ?, ?)")) {
            ps.setLong(1, maxSeq);
            ps.setBytes(2, bytes());
            ps.executeUpdate();
        }
        unsaved = 0;
    }

    int filters() {
        return parts.size();
    }

    /** Whether the cache may hold the event: false is certain. */
    boolean mightHold(Event e) {
        return mightHold(EventKey.of(e));
    }

    private boolean mightHold(EventKey key) {
        for (Part p : parts) {
            if (p.filter.mightContain(key)) {
                return true;
            }
        }
        return false;
    }

    private void put(EventKey key) {
        Part newest = parts.get(parts.size() - 1);
        if (newest.count >= newest.capacity) {
            long capacity = newest.capacity * 2;
            newest = new Part(BloomFilter.create(KEY, capacity, FALSE_POSITIVES), capacity, 0);
            parts.add(newest);
        }
        newest.filter.put(key);
        newest.count++;
    }

    /** The keys held at the times of the events at {@code indexes}: those of them the cache holds, and neighbours. */
    private static Set<EventKey> held(Connection c, List<Integer> indexes, List<EncodedEvent> batch)
            throws SQLException {
        Set<Long> times = new LinkedHashSet<>();
        for (int i : indexes) {
            times.add(batch.get(i).event().eventTime().toEpochMilli());
        }
        Set<EventKey> held = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(HELD)) {
            Array array = c.createArrayOf("BIGINT", times.toArray());
            try {
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.add(new EventKey(rs.getString(1), rs.getString(2)));
                    }
                }
            } finally {
                array.free();
            }
        }
        return held;
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private byte[] bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(parts.size());
            for (Part p : parts) {
                out.writeLong(p.capacity);
                out.writeLong(p.count);
                p.filter.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return buffer.toByteArray();
    }

    /** Reads saved filters; false (and none kept) when they cannot be read, so that every key is read again instead. */
    private boolean read(byte[] saved) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long capacity = in.readLong();
                long count = in.readLong();
                parts.add(new Part(BloomFilter.readFrom(in, KEY), capacity, count));
            }
            return n > 0;
        } catch (IOException | RuntimeException e) {
            parts.clear();
            return false;
        }
    }
}
