package io.watchpost.detect;

import io.watchpost.normalize.Event;
import io.watchpost.store.EventExplorer;
import io.watchpost.store.EventPage;
import io.watchpost.store.PageCursor;
import io.watchpost.store.SortOrder;
import io.watchpost.store.SqlWhere;
import io.watchpost.store.StoredEvent;
import io.watchpost.store.TimeRange;

import javax.sql.DataSource;
import java.util.function.Consumer;

/** Every cached event in event-time order, a page at a time, so a backtest never holds the whole cache. */
public final class CacheEventStream {
    private CacheEventStream() {
    }

    public static void forEach(DataSource dataSource, int pageSize, Consumer<Event> sink) {
        forEach(dataSource, SqlWhere.ALL, TimeRange.ALL, pageSize, sink);
    }

    public static void forEach(DataSource dataSource, SqlWhere where, TimeRange range, int pageSize, Consumer<Event> sink) {
        EventExplorer explorer = new EventExplorer(dataSource);
        PageCursor cursor = null;
        while (true) {
            EventPage page = explorer.page(where, range, SortOrder.OLDEST_FIRST, cursor, pageSize);
            for (StoredEvent e : page.events()) {
                sink.accept(e.event());
            }
            if (page.next().isEmpty()) {
                return;
            }
            cursor = page.next().get();
        }
    }
}
