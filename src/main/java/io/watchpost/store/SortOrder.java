package io.watchpost.store;

/** Page order by event time (ties by arrival order, so the order is total and the cursor exact). */
public enum SortOrder {
    NEWEST_FIRST, OLDEST_FIRST
}
