package io.watchpost.store;

import java.util.Objects;

/**
 * What the Explorer view needs from the cache, built here so the UI never touches a {@code DataSource}:
 * the query API over events and the investigation store (tags, notes, saved searches, filter history).
 */
public record ExplorerServices(EventExplorer explorer, InvestigationStore investigations) {

    public ExplorerServices {
        Objects.requireNonNull(explorer, "explorer");
        Objects.requireNonNull(investigations, "investigations");
    }

    /** Investigation data kept to this cache. */
    public static ExplorerServices of(Cache cache) {
        return of(cache, TeamState.LOCAL_ONLY);
    }

    /** Tags, notes and saved searches shared with the team through {@code team}. */
    public static ExplorerServices of(Cache cache, TeamState team) {
        return new ExplorerServices(new EventExplorer(cache.dataSource()), new InvestigationStore(cache.dataSource(), team));
    }
}
