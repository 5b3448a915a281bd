package io.watchpost.ui.explorer;

import io.watchpost.store.PageCursor;
import io.watchpost.store.ResultPages;
import io.watchpost.store.SortOrder;
import io.watchpost.ui.events.EventRow;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The result table's rows: a list as long as the whole result, whose rows are read from the cache only when shown.
 * {@link #get} answers at once, with the row when its page is here and a {@link #PLACEHOLDER} otherwise, and asks for
 * that page; pages come back in batches ({@link #deliver}, one replace change per page) and only the
 * {@code maxPages} pages used last are kept, so memory stays bounded however long the result. The scrollbar spans
 * the whole result because the size is the count. FX thread only, except {@link #read}.
 */
final class ResultRows extends ObservableListBase<EventRow> {

    /** What a row shows until its page arrives: blank cells, no event behind it (nothing to select or pivot on). */
    static final EventRow PLACEHOLDER = new EventRow(-1, "…", null, "", "", "", "", "", "", "", null, null);

    /** Where pages are read: asked on the FX thread, answers later through {@link #deliver}. */
    interface PageSource {
        void request(ResultRows rows, int page, PageCursor previous);
    }

    private final ResultPages pages;
    private final SortOrder order;
    private final int pageSize;
    private final int maxPages;
    private final int size;
    private final PageSource source;
    /** Pages here, least recently used first. */
    private final LinkedHashMap<Integer, List<EventRow>> loaded = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Integer> requested = new HashSet<>();

    ResultRows(ResultPages pages, SortOrder order, int pageSize, int maxPages, List<EventRow> firstPage,
               PageSource source) {
        this.pages = pages;
        this.order = order;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        this.size = (int) Math.min(pages.total(), Integer.MAX_VALUE - 1); // a table counts rows in ints
        this.source = source;
        if (!firstPage.isEmpty()) {
            loaded.put(0, List.copyOf(firstPage));
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public EventRow get(int index) {
        Objects.checkIndex(index, size);
        int page = index / pageSize;
        List<EventRow> rows = loaded.get(page);
        if (rows == null) {
            request(page);
            return PLACEHOLDER;
        }
        int at = index % pageSize;
        return at < rows.size() ? rows.get(at) : PLACEHOLDER; // a short page: the cache lost rows since the count
    }

    /** The rows of one page, read on the caller's thread (any): touches only what never changes. */
    List<EventRow> read(int page, PageCursor previous) {
        return pages.read(order, (long) page * pageSize, pageSize, previous).stream().map(EventRow::of).toList();
    }

    private void request(int page) {
        if (requested.add(page)) {
            source.request(this, page, cursorBefore(page));
        }
    }

    /** The last row of the page before, when it is here and full: the next page is then a keyset seek from it. */
    private PageCursor cursorBefore(int page) {
        List<EventRow> before = page == 0 ? null : loaded.get(page - 1);
        if (before == null || before.size() < pageSize) {
            return null;
        }
        return PageCursor.after(before.get(before.size() - 1).source());
    }

    /**
     * Takes the pages that arrived (by page number) and forgets the requests that were dropped or failed, so they
     * are asked again when shown. Fires one change with a replace per page, then lets the oldest pages go.
     */
    void deliver(Map<Integer, List<EventRow>> arrived, Set<Integer> dropped) {
        requested.removeAll(dropped);
        beginChange();
        try {
            for (Map.Entry<Integer, List<EventRow>> page : new TreeMap<>(arrived).entrySet()) {
                requested.remove(page.getKey());
                if (loaded.containsKey(page.getKey()) || page.getValue().isEmpty()) {
                    continue;
                }
                loaded.put(page.getKey(), page.getValue());
                int from = page.getKey() * pageSize;
                int to = Math.min(size, from + page.getValue().size());
                if (from < to) {
                    nextReplace(from, to, Collections.nCopies(to - from, PLACEHOLDER));
                }
            }
        } finally {
            endChange();
        }
        evictBeyond(maxPages, arrived.keySet());
    }

    /** Drops the least recently used pages past {@code max}, never the ones just delivered. */
    private void evictBeyond(int max, Set<Integer> keep) {
        List<Integer> oldestFirst = new ArrayList<>(loaded.keySet());
        for (int i = 0; i < oldestFirst.size() && loaded.size() > max; i++) {
            if (!keep.contains(oldestFirst.get(i))) {
                loaded.remove(oldestFirst.get(i));
            }
        }
    }

    /**
     * Identity, not the List contract's element-wise equality: comparing or hashing a million-row list would read
     * every page of it (a placeholder at a time, asking for each).
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** Rows held in memory now: at most {@code maxPages × pageSize}. */
    int loadedRowCount() {
        return loaded.values().stream().mapToInt(List::size).sum();
    }

    /** The row at {@code index} if its page is here, without asking for it (tests, diagnostics). */
    EventRow peek(int index) {
        List<EventRow> rows = loaded.get(index / pageSize);
        return rows == null || index % pageSize >= rows.size() ? null : rows.get(index % pageSize);
    }

    SortOrder order() {
        return order;
    }
}
