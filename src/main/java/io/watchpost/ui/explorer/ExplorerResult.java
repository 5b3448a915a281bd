package io.watchpost.ui.explorer;

import io.watchpost.store.Histogram;
import io.watchpost.store.ResultPages;
import io.watchpost.ui.events.EventRow;

import java.util.List;
import java.util.Set;

/**
 * What one query produced, handed to the FX thread in one piece: the count, the histogram, the first rows (cells
 * pre-formatted), the reader for the rest of the rows and the flattened-field keys seen, for autocomplete. The
 * sidebar's top values follow separately.
 */
public record ExplorerResult(ExplorerQuery query, long count, Histogram histogram, List<EventRow> firstRows,
                             ResultPages pages, Set<String> seenKeys,
                             long elapsedMillis) {
}
