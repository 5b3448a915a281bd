package io.watchpost.source.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.function.LongSupplier;

/**
 * The emulator's data and the semantics of every CloudWatch Logs operation, without HTTP. The HTTP handlers are
 * thin translators over these methods, and in-process callers (demo feeder, tests) get exactly the same
 * validation and errors ({@link EmulatorException}) as SDK clients. Thread-safe.
 *
 * <p>Layout: group → streams (sorted by name) → {@link StreamEvents} kept sorted by (timestamp, arrival).
 * FilterLogEvents k-way merges the selected streams from a binary-searched start position, so a page costs
 * O(streams · log n + page · log streams) however large the group is.
 */
public final class EmulatedLogs {

    static final int MAX_BATCH_EVENTS = 10_000;
    static final int MAX_BATCH_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD_BYTES = 26;
    static final int MAX_EVENT_BYTES = 262_144;
    static final long MAX_FUTURE_MS = 2L * 60 * 60 * 1000;
    static final long MAX_AGE_MS = 14L * 24 * 60 * 60 * 1000;
    static final long MAX_BATCH_SPAN_MS = 24L * 60 * 60 * 1000;
    static final int MAX_PAGE_EVENTS = 10_000;
    /** Both event-returning operations stop a page before its message data would pass 1 MB. */
    static final int MAX_PAGE_BYTES = 1_048_576;
    static final int MAX_DESCRIBE_LIMIT = 50;
    /**
     * A selective filter over a huge group could scan everything for one page; like AWS we give up after a
     * bounded amount of work and return a (possibly empty) page with a nextToken to continue from.
     */
    static final int MAX_SCANNED_PER_PAGE = 5_000_000;

    private static final String FILTER_TOKEN = "F1";
    private static final String GROUPS_TOKEN = "DG1";
    private static final String STREAMS_BY_NAME_TOKEN = "DSN1";
    private static final String STREAMS_BY_TIME_TOKEN = "DST1";
    private static final String FORWARD = "f/";
    private static final String BACKWARD = "b/";
    private static final String GET_TOKEN = "G1";

    private final ConcurrentSkipListMap<String, LogGroup> groups = new ConcurrentSkipListMap<>();
    private final LongSupplier clock;
    private volatile LogJournal journal = LogJournal.NONE;

    /** An in-memory store on the system clock. */
    public EmulatedLogs() {
        this(System::currentTimeMillis);
    }

    /** For tests that need to control "now" (ingestion times, the 2 h / 14 day windows). */
    public EmulatedLogs(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    void attachJournal(LogJournal journal) {
        this.journal = Objects.requireNonNull(journal);
    }

    // ------------------------------------------------------------------ groups and streams

    public void createLogGroup(String group) {
        NameRules.checkGroupName(group, "logGroupName");
        if (groups.containsKey(group) || createGroupIfAbsent(group) == null) {
            throw EmulatorException.groupExists();
        }
    }

    /** Creates and journals the group; returns null if it already existed. */
    private LogGroup createGroupIfAbsent(String name) {
        LogGroup fresh = new LogGroup(name, clock.getAsLong());
        fresh.lock.writeLock().lock(); // held until journaled, so no put can be journaled before the group itself
        try {
            if (groups.putIfAbsent(name, fresh) != null) {
                return null;
            }
            journal.groupCreated(name, fresh.creationTime);
            return fresh;
        } finally {
            fresh.lock.writeLock().unlock();
        }
    }

    public void createLogStream(String group, String stream) {
        NameRules.checkGroupName(group, "logGroupName");
        NameRules.checkStreamName(stream, "logStreamName");
        LogGroup g = requireGroup(group);
        write(g, () -> {
            if (g.streams.containsKey(stream)) {
                throw EmulatorException.streamExists();
            }
            addStream(g, stream);
        });
    }

    /** Creates the group and the stream if missing; never fails for names that are valid. */
    public void ensureStream(String group, String stream) {
        NameRules.checkGroupName(group, "logGroupName");
        NameRules.checkStreamName(stream, "logStreamName");
        LogGroup g = groups.get(group);
        if (g == null) {
            createGroupIfAbsent(group);
            g = groups.get(group);
        }
        LogGroup fg = g;
        write(fg, () -> {
            if (!fg.streams.containsKey(stream)) {
                addStream(fg, stream);
            }
        });
    }

    private LogStream addStream(LogGroup g, String stream) {
        LogStream s = new LogStream(stream, clock.getAsLong());
        g.streams.put(stream, s);
        journal.streamCreated(g.name, stream, s.creationTime);
        return s;
    }

    public boolean hasLogGroup(String group) {
        return groups.containsKey(group);
    }

    public List<String> logGroupNames() {
        return List.copyOf(groups.keySet());
    }

    public List<String> logStreamNames(String group) {
        return List.copyOf(requireGroup(group).streams.keySet());
    }

    public long eventCount(String group) {
        LogGroup g = requireGroup(group);
        return read(g, () -> g.eventCount);
    }

    // ------------------------------------------------------------------ PutLogEvents

    /** PutLogEvents with AWS's validation: sizes, counts, order, 24 h span, and the too-new / too-old windows. */
    public PutResult putLogEvents(String group, String stream, List<InputLogEvent> events) {
        NameRules.checkGroupName(group, "logGroupName");
        NameRules.checkStreamName(stream, "logStreamName");
        if (events == null) {
            throw EmulatorException.constraint("null", "logEvents", "Member must not be null");
        }
        if (events.isEmpty()) {
            throw EmulatorException.constraint("'[]'", "logEvents", "Member must have length greater than or equal to 1");
        }
        if (events.size() > MAX_BATCH_EVENTS) {
            throw EmulatorException.constraint("of " + events.size() + " events", "logEvents",
                    "Member must have length less than or equal to " + MAX_BATCH_EVENTS);
        }
        int n = events.size();
        int[] bytes = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            InputLogEvent e = events.get(i);
            if (e == null || e.message() == null || e.message().isEmpty()) {
                throw EmulatorException.constraint(e == null || e.message() == null ? "null" : "''",
                        "logEvents." + (i + 1) + ".member.message", e == null || e.message() == null
                                ? "Member must not be null" : "Member must have length greater than or equal to 1");
            }
            bytes[i] = Utf8.length(e.message());
            if (bytes[i] + EVENT_OVERHEAD_BYTES > MAX_EVENT_BYTES) {
                throw EmulatorException.invalidParameter("Log event too large: " + (bytes[i] + EVENT_OVERHEAD_BYTES)
                        + " bytes exceeds limit of " + MAX_EVENT_BYTES);
            }
            total += bytes[i] + EVENT_OVERHEAD_BYTES;
            if (i > 0 && e.timestamp() < events.get(i - 1).timestamp()) {
                throw EmulatorException.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
        if (total > MAX_BATCH_BYTES) {
            throw EmulatorException.invalidParameter("Upload too large: " + total + " bytes exceeds limit of "
                    + MAX_BATCH_BYTES);
        }
        if (events.get(n - 1).timestamp() - events.get(0).timestamp() > MAX_BATCH_SPAN_MS) {
            throw EmulatorException.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        LogGroup g = requireGroup(group);
        return write(g, () -> {
            LogStream s = g.streams.get(stream);
            if (s == null) {
                throw EmulatorException.streamNotFound();
            }
            long now = clock.getAsLong();
            // The batch is chronological, so too-old events are a prefix and too-new ones a suffix.
            int from = 0;
            while (from < n && events.get(from).timestamp() < now - MAX_AGE_MS) {
                from++;
            }
            int to = n;
            while (to > from && events.get(to - 1).timestamp() > now + MAX_FUTURE_MS) {
                to--;
            }
            append(g, s, events, bytes, from, to, now);
            s.uploads++;
            RejectedLogEventsInfo rejected = null;
            if (from > 0 || to < n) {
                rejected = new RejectedLogEventsInfo(to < n ? to : null, from > 0 ? from : null, null);
            }
            return new PutResult(s.uploadSequenceToken(), to - from, rejected);
        });
    }

    /**
     * Loads events without PutLogEvents' limits (any age, any count, any order) — for seeding history in tests,
     * demos and sample-data import. Creates the group and stream if needed. Events are stored in timestamp
     * order (stable for equal timestamps) and journaled like any put.
     */
    public void seed(String group, String stream, List<InputLogEvent> events) {
        ensureStream(group, stream);
        List<InputLogEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(InputLogEvent::timestamp));
        int[] bytes = new int[sorted.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = Utf8.length(Objects.requireNonNull(sorted.get(i).message(), "message"));
        }
        LogGroup g = requireGroup(group);
        write(g, () -> {
            long now = clock.getAsLong();
            LogStream s = g.streams.get(stream);
            for (int off = 0; off < sorted.size(); off += MAX_BATCH_EVENTS) {
                append(g, s, sorted, bytes, off, Math.min(sorted.size(), off + MAX_BATCH_EVENTS), now);
            }
        });
    }

    private void append(LogGroup g, LogStream s, List<InputLogEvent> events, int[] bytes, int from, int to,
                        long now) {
        int k = to - from;
        if (k <= 0) {
            return;
        }
        long[] ts = new long[k];
        long[] seq = new long[k];
        long[] ingest = new long[k];
        int[] b = new int[k];
        String[] msg = new String[k];
        long added = 0;
        for (int i = 0; i < k; i++) {
            InputLogEvent e = events.get(from + i);
            ts[i] = e.timestamp();
            seq[i] = g.nextSeq++;
            ingest[i] = now;
            b[i] = bytes[from + i];
            msg[i] = e.message();
            added += b[i];
        }
        s.events.addSorted(ts, seq, ingest, b, msg, k);
        s.storedBytes += added;
        s.lastIngestionTime = now;
        g.storedBytes += added;
        g.eventCount += k;
        journal.eventsAdded(g.name, s.name, ts, seq, ingest, msg, k);
    }

    // ------------------------------------------------------------------ restore from the data directory

    /** Restore path used by {@link DataDirStore}: no validation, no journaling, sorting deferred. */
    LogGroup restoreGroup(String name, long creationTime) {
        return groups.computeIfAbsent(name, n -> new LogGroup(n, creationTime));
    }

    LogStream restoreStream(LogGroup g, String name, long creationTime) {
        return g.streams.computeIfAbsent(name, n -> new LogStream(n, creationTime));
    }

    void restoreEvent(LogGroup g, LogStream s, long ts, long seq, long ingest, String msg) {
        int b = Utf8.length(msg);
        s.events.appendUnsorted(ts, seq, ingest, b, msg);
        s.storedBytes += b;
        s.lastIngestionTime = Math.max(s.lastIngestionTime, ingest);
        g.storedBytes += b;
        g.eventCount++;
        g.nextSeq = Math.max(g.nextSeq, seq + 1);
    }

    void finishRestore() {
        for (LogGroup g : groups.values()) {
            for (LogStream s : g.streams.values()) {
                s.events.sortAll();
            }
        }
    }

    // ------------------------------------------------------------------ FilterLogEvents

    public FilterPage filterLogEvents(FilterRequest r) {
        NameRules.checkGroupName(r.logGroupName(), "logGroupName");
        if (r.logStreamNames() != null && r.logStreamNamePrefix() != null) {
            throw EmulatorException.invalidParameter(
                    "logStreamNames and logStreamNamePrefix are mutually exclusive; specify at most one.");
        }
        if (r.logStreamNames() != null && (r.logStreamNames().isEmpty() || r.logStreamNames().size() > 100)) {
            throw EmulatorException.constraint("of " + r.logStreamNames().size() + " names", "logStreamNames",
                    "Member must have length between 1 and 100");
        }
        int limit = checkLimit(r.limit(), MAX_PAGE_EVENTS);
        long start = checkTime(r.startTime(), "startTime", Long.MIN_VALUE);
        long end = checkTime(r.endTime(), "endTime", Long.MAX_VALUE);
        if (start > end) {
            throw EmulatorException.invalidParameter("startTime must be less than or equal to endTime.");
        }
        FilterPattern pattern = FilterPattern.parse(r.filterPattern());
        long fromTs = start;
        long fromSeq = Long.MIN_VALUE;
        if (r.nextToken() != null) {
            long[] k = TokenCodec.decodeLongs(r.nextToken(), FILTER_TOKEN, 2);
            if (k[0] > fromTs || (k[0] == fromTs && k[1] > fromSeq)) {
                fromTs = k[0];
                fromSeq = k[1];
            }
        }
        LogGroup g = requireGroup(r.logGroupName());
        long fTs = fromTs;
        long fSeq = fromSeq;
        return read(g, () -> filterLocked(g, r, pattern, fTs, fSeq, end, limit));
    }

    private FilterPage filterLocked(LogGroup g, FilterRequest r, FilterPattern pattern, long fromTs, long fromSeq,
                                    long end, int limit) {
        List<LogStream> selected = selectStreams(g, r);
        PriorityQueue<Cursor> heap = new PriorityQueue<>(Math.max(1, selected.size()));
        for (LogStream s : selected) {
            int pos = s.events.lowerBound(fromTs, fromSeq);
            if (pos < s.events.size() && s.events.timestamp(pos) <= end) {
                heap.add(new Cursor(s, pos));
            }
        }
        List<FilteredEvent> out = new ArrayList<>(Math.min(limit, 1024));
        long bytes = 0;
        int scanned = 0;
        String next = null;
        boolean all = pattern.matchesAll();
        while (!heap.isEmpty()) {
            Cursor c = heap.poll();
            StreamEvents ev = c.stream.events;
            int i = c.pos;
            long ts = ev.timestamp(i);
            if (ts > end) {
                continue; // this stream is done; others may still have events in range
            }
            if (++scanned > MAX_SCANNED_PER_PAGE) {
                next = TokenCodec.encodeLongs(FILTER_TOKEN, ts, ev.seq(i));
                break;
            }
            String msg = ev.message(i);
            if (all || pattern.matches(msg)) {
                int b = ev.messageBytes(i);
                if (out.size() >= limit || (!out.isEmpty() && bytes + b > MAX_PAGE_BYTES)) {
                    next = TokenCodec.encodeLongs(FILTER_TOKEN, ts, ev.seq(i));
                    break;
                }
                out.add(new FilteredEvent(c.stream.name, ts, msg, ev.ingestionTime(i), ev.seq(i)));
                bytes += b;
            }
            if (i + 1 < ev.size()) {
                c.pos = i + 1;
                heap.add(c);
            }
        }
        List<String> searched = new ArrayList<>(selected.size());
        for (LogStream s : selected) {
            searched.add(s.name);
        }
        return new FilterPage(out, searched, next);
    }

    private static List<LogStream> selectStreams(LogGroup g, FilterRequest r) {
        if (r.logStreamNames() != null) {
            List<LogStream> out = new ArrayList<>();
            for (String name : r.logStreamNames()) {
                LogStream s = g.streams.get(name);
                if (s != null && !out.contains(s)) {
                    out.add(s);
                }
            }
            return out;
        }
        Collection<LogStream> candidates = r.logStreamNamePrefix() == null ? g.streams.values()
                : prefixView(g.streams, r.logStreamNamePrefix()).values();
        return new ArrayList<>(candidates);
    }

    /** A stream's read position in the k-way merge, ordered by the event it points at. */
    private static final class Cursor implements Comparable<Cursor> {
        final LogStream stream;
        int pos;

        Cursor(LogStream stream, int pos) {
            this.stream = stream;
            this.pos = pos;
        }

        @Override
        public int compareTo(Cursor o) {
            int c = Long.compare(stream.events.timestamp(pos), o.stream.events.timestamp(o.pos));
            return c != 0 ? c : Long.compare(stream.events.seq(pos), o.stream.events.seq(o.pos));
        }
    }

    // ------------------------------------------------------------------ GetLogEvents

    /**
     * GetLogEvents. Tokens name a position between events: the forward token is the first key still to come
     * (so at the end of the stream the same token comes back, as AWS does), the backward token the key just
     * before which the previous page ends.
     */
    public GetEventsPage getLogEvents(GetEventsRequest r) {
        NameRules.checkGroupName(r.logGroupName(), "logGroupName");
        NameRules.checkStreamName(r.logStreamName(), "logStreamName");
        int limit = checkLimit(r.limit(), MAX_PAGE_EVENTS);
        long start = checkTime(r.startTime(), "startTime", Long.MIN_VALUE);
        long end = checkTime(r.endTime(), "endTime", Long.MAX_VALUE);
        if (start > end) {
            throw EmulatorException.invalidParameter("startTime must be less than or equal to endTime.");
        }
        boolean forward;
        long[] key = null;
        if (r.nextToken() != null) {
            String t = r.nextToken();
            if (t.startsWith(FORWARD)) {
                forward = true;
            } else if (t.startsWith(BACKWARD)) {
                forward = false;
            } else {
                throw EmulatorException.invalidToken();
            }
            key = TokenCodec.decodeLongs(t.substring(2), GET_TOKEN, 2);
        } else {
            forward = Boolean.TRUE.equals(r.startFromHead());
        }
        LogGroup g = requireGroup(r.logGroupName());
        long[] fk = key;
        return read(g, () -> {
            LogStream s = g.streams.get(r.logStreamName());
            if (s == null) {
                throw EmulatorException.streamNotFound();
            }
            StreamEvents ev = s.events;
            int lo = ev.lowerBound(start, Long.MIN_VALUE);
            int hi = end == Long.MAX_VALUE ? ev.size() : ev.lowerBound(end, Long.MIN_VALUE); // endTime exclusive
            hi = Math.max(lo, hi);
            if (forward) {
                int from = fk == null ? lo : Math.max(lo, ev.lowerBound(fk[0], fk[1]));
                int to = from;
                long bytes = 0;
                while (to < hi && to - from < limit && (to == from || bytes + ev.messageBytes(to) <= MAX_PAGE_BYTES)) {
                    bytes += ev.messageBytes(to);
                    to++;
                }
                return page(ev, from, to, fk, true);
            }
            int to = fk == null ? hi : Math.min(hi, ev.lowerBound(fk[0], fk[1]));
            int from = to;
            long bytes = 0;
            while (from > lo && to - from < limit && (from == to || bytes + ev.messageBytes(from - 1) <= MAX_PAGE_BYTES)) {
                bytes += ev.messageBytes(from - 1);
                from--;
            }
            return page(ev, from, to, fk, false);
        });
    }

    private static GetEventsPage page(StreamEvents ev, int from, int to, long[] tokenKey, boolean forward) {
        List<OutputLogEvent> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(new OutputLogEvent(ev.timestamp(i), ev.message(i), ev.ingestionTime(i)));
        }
        long[] fwd;
        long[] back;
        if (from < to) {
            fwd = new long[]{ev.timestamp(to - 1), ev.seq(to - 1) + 1};
            back = new long[]{ev.timestamp(from), ev.seq(from)};
        } else {
            // Empty page: both tokens stay on the boundary we were given (or the range edge we stopped at).
            long[] edge = tokenKey != null ? tokenKey
                    : from < ev.size() ? new long[]{ev.timestamp(from), ev.seq(from)}
                    : ev.size() > 0 ? new long[]{ev.timestamp(ev.size() - 1), ev.seq(ev.size() - 1) + 1}
                    : new long[]{0, 0};
            fwd = edge;
            back = edge;
        }
        return new GetEventsPage(out, FORWARD + TokenCodec.encodeLongs(GET_TOKEN, fwd),
                BACKWARD + TokenCodec.encodeLongs(GET_TOKEN, back));
    }

    // ------------------------------------------------------------------ Describe*

    public ListPage<LogGroupInfo> describeLogGroups(String prefix, Integer limit, String nextToken) {
        int max = checkLimit(limit, MAX_DESCRIBE_LIMIT);
        if (prefix != null) {
            NameRules.checkGroupName(prefix, "logGroupNamePrefix");
        }
        NavigableMap<String, LogGroup> view = prefix == null ? groups : prefixView(groups, prefix);
        if (nextToken != null) {
            String after = TokenCodec.decode(nextToken, GROUPS_TOKEN, 1)[0];
            view = view.tailMap(after, false);
        }
        List<LogGroupInfo> items = new ArrayList<>();
        String next = null;
        for (LogGroup g : view.values()) {
            if (items.size() == max) {
                next = TokenCodec.encode(GROUPS_TOKEN, items.get(max - 1).logGroupName());
                break;
            }
            items.add(read(g, () -> new LogGroupInfo(g.name, g.creationTime, g.storedBytes)));
        }
        return new ListPage<>(items, next);
    }

    public ListPage<LogStreamInfo> describeLogStreams(String group, String prefix, String orderBy,
                                                      boolean descending, Integer limit, String nextToken) {
        NameRules.checkGroupName(group, "logGroupName");
        int max = checkLimit(limit, MAX_DESCRIBE_LIMIT);
        boolean byTime;
        if (orderBy == null || orderBy.equals("LogStreamName")) {
            byTime = false;
        } else if (orderBy.equals("LastEventTime")) {
            byTime = true;
        } else {
            throw EmulatorException.constraint("'" + orderBy + "'", "orderBy",
                    "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if (byTime && prefix != null) {
            throw EmulatorException.invalidParameter(
                    "Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        LogGroup g = requireGroup(group);
        return read(g, () -> {
            List<LogStreamInfo> items = new ArrayList<>();
            String next = null;
            if (!byTime) {
                NavigableMap<String, LogStream> view = prefix == null ? g.streams : prefixView(g.streams, prefix);
                if (descending) {
                    view = view.descendingMap();
                }
                if (nextToken != null) {
                    view = view.tailMap(TokenCodec.decode(nextToken, STREAMS_BY_NAME_TOKEN, 1)[0], false);
                }
                for (LogStream s : view.values()) {
                    if (items.size() == max) {
                        next = TokenCodec.encode(STREAMS_BY_NAME_TOKEN, items.get(max - 1).logStreamName());
                        break;
                    }
                    items.add(info(g, s));
                }
                return new ListPage<>(items, next);
            }
            // LastEventTime order has no stable key to resume from, so the token is an offset into the ordering.
            List<LogStream> all = new ArrayList<>(g.streams.values());
            Comparator<LogStream> cmp = Comparator
                    .comparingLong((LogStream s) -> s.events.size() == 0 ? Long.MIN_VALUE : s.lastEventTimestamp())
                    .thenComparing(s -> s.name);
            all.sort(descending ? cmp.reversed() : cmp);
            int offset = nextToken == null ? 0 : (int) TokenCodec.decodeLongs(nextToken, STREAMS_BY_TIME_TOKEN, 1)[0];
            if (offset < 0) {
                throw EmulatorException.invalidToken();
            }
            for (int i = offset; i < all.size(); i++) {
                if (items.size() == max) {
                    next = TokenCodec.encodeLongs(STREAMS_BY_TIME_TOKEN, i);
                    break;
                }
                items.add(info(g, all.get(i)));
            }
            return new ListPage<>(items, next);
        });
    }

    private static LogStreamInfo info(LogGroup g, LogStream s) {
        boolean empty = s.events.size() == 0;
        return new LogStreamInfo(g.name, s.name, s.creationTime, s.firstEventTimestamp(), s.lastEventTimestamp(),
                empty ? null : s.lastIngestionTime, s.uploadSequenceToken(), s.storedBytes, s.events.size());
    }

    // ------------------------------------------------------------------ helpers

    private LogGroup requireGroup(String group) {
        LogGroup g = groups.get(group);
        if (g == null) {
            throw EmulatorException.groupNotFound();
        }
        return g;
    }

    private static <V> NavigableMap<String, V> prefixView(NavigableMap<String, V> map, String prefix) {
        // Every string starting with prefix sorts before prefix + '\uffff'.
        return map.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    private static int checkLimit(Integer limit, int max) {
        if (limit == null) {
            return max;
        }
        if (limit < 1 || limit > max) {
            throw EmulatorException.constraint("'" + limit + "'", "limit",
                    "Member must have value " + (limit < 1 ? "greater than or equal to 1" : "less than or equal to " + max));
        }
        return limit;
    }

    private static long checkTime(Long t, String member, long absent) {
        if (t == null) {
            return absent;
        }
        if (t < 0) {
            throw EmulatorException.constraint("'" + t + "'", member, "Member must have value greater than or equal to 0");
        }
        return t;
    }

    private interface LockedWork<T> {
        T run();
    }

    private static <T> T read(LogGroup g, LockedWork<T> work) {
        return locked(g.lock.readLock(), work);
    }

    private static <T> T write(LogGroup g, LockedWork<T> work) {
        return locked(g.lock.writeLock(), work);
    }

    private static void write(LogGroup g, Runnable work) {
        locked(g.lock.writeLock(), () -> {
            work.run();
            return null;
        });
    }

    private static <T> T locked(Lock lock, LockedWork<T> work) {
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
