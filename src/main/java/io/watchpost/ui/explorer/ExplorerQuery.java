package io.watchpost.ui.explorer;

import io.watchpost.store.HistogramSplit;
import io.watchpost.store.SortOrder;
import io.watchpost.store.SqlWhere;
import io.watchpost.store.TimeRange;

/** One run of the Explorer: everything a background query needs, frozen, so a later edit cannot change it mid-run. */
public record ExplorerQuery(long generation, String filterText, SqlWhere where, TimeRange range, SortOrder order,
                            HistogramSplit split) {
}
