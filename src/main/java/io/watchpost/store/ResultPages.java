package io.watchpost.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any stretch of one result (a filter over a time range) by position, so a table can give the whole result a
 * scrollbar and jump anywhere in it without reading what lies before.
 *
 * <p>The result's histogram already says how many matches each time bucket holds, so row n lies in the bucket where
 * the running count passes n, and is a known number of rows into it. A bucket with more than {@link #MAX_SKIP} rows
 * is counted again in finer buckets (once, then kept) until the skip inside the bucket is short; the rows are then
 * read from the bucket's start with a short OFFSET. Reading next to a row already shown is a keyset seek instead.
 * The end of the result is as cheap as its start: in newest-first order the last rows are the oldest, found at the
 * histogram's first bucket. Thread-safe; positions are those of the histogram's moment (events cached later in the
 * range shift them by as many rows, as in any paged view).
 */
public final class ResultPages {

    /** The most rows an OFFSET skips inside a bucket before the bucket is counted in finer buckets. */
    static final long MAX_SKIP = 1_000;
    /** Finer buckets per crowded bucket. */
    private static final int SPLIT = 64;

    private final EventExplorer explorer;
    private final SqlWhere where;
    private final TimeRange range;
    private final List<Span> spans;
    private final long total;
    /** Crowded buckets counted finer, by bucket: at most one entry per bucket the analyst scrolled into. */
    private final Map<Span, List<Span>> finer = new ConcurrentHashMap<>();

    /** A time span of the range holding {@code count} matches. */
    private record Span(long from, long to, long count) {
    }

    public ResultPages(EventExplorer explorer, SqlWhere where, TimeRange range, Histogram histogram) {
        this.explorer = explorer;
        this.where = where;
        this.range = range;
        this.spans = spans(histogram, range);
        this.total = histogram.total();
    }

    /** No result: nothing to read. */
    public static ResultPages empty(EventExplorer explorer) {
        return new ResultPages(explorer, SqlWhere.ALL, new TimeRange(0, 0), new Histogram(0, 1, List.of()));
    }

    public long total() {
        return total;
    }

    /**
     * Rows {@code [start, start + size)} of the result in {@code order}, fewer at its end. {@code previous} is the row
     * just before {@code start} in that order when the caller has it (null otherwise): the read is then a keyset seek.
     */
    public List<StoredEvent> read(SortOrder order, long start, int size, PageCursor previous) {
        int n = (int) Math.max(0, Math.min(size, total - start));
        if (n == 0) {
            return List.of();
        }
        if (previous != null) {
            return explorer.page(where, range, order, previous, n).events();
        }
        if (order == SortOrder.OLDEST_FIRST) {
            return oldestFirst(start, n);
        }
        // Newest first, rows [start, start + n) are the oldest-first rows [total - start - n, total - start) reversed.
        List<StoredEvent> rows = new ArrayList<>(oldestFirst(total - start - n, n));
        Collections.reverse(rows);
        return rows;
    }

    /** {@code n} rows from oldest-first position {@code position}. */
    private List<StoredEvent> oldestFirst(long position, int n) {
        List<Span> level = spans;
        long skip = position;
        long parentFrom = range.fromMillis();
        long parentSkip = position;
        while (true) {
            Span at = null;
            for (Span s : level) {
                if (skip < s.count()) {
                    at = s;
                    break;
                }
                skip -= s.count();
            }
            if (at == null) {
                // The finer counts fell short of their bucket's (events removed since): skip within the bucket.
                return explorer.oldestFirst(where, new TimeRange(parentFrom, range.toMillis()), parentSkip, n);
            }
            if (skip <= MAX_SKIP || at.to() - at.from() <= 1) {
                return explorer.oldestFirst(where, new TimeRange(at.from(), range.toMillis()), skip, n);
            }
            parentFrom = at.from();
            parentSkip = skip;
            level = finer.computeIfAbsent(at, this::countFiner);
        }
    }

    private List<Span> countFiner(Span span) {
        long step = Math.max(1, (span.to() - span.from() + SPLIT - 1) / SPLIT);
        TimeRange r = new TimeRange(span.from(), span.to());
        return spans(explorer.histogram(where, r, step), r);
    }

    /** The histogram's non-empty buckets, cut to the range (the last bucket may reach past its end). */
    private static List<Span> spans(Histogram histogram, TimeRange range) {
        List<Span> out = new ArrayList<>();
        for (Histogram.Bucket b : histogram.buckets()) {
            if (b.count() > 0) {
                out.add(new Span(Math.max(b.startMillis(), range.fromMillis()),
                        Math.min(b.startMillis() + histogram.bucketMillis(), range.toMillis()), b.count()));
            }
        }
        return List.copyOf(out);
    }
}
