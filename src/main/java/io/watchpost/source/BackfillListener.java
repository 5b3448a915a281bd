package io.watchpost.source;

/** Told about a backfill's progress after each committed page, from the reading threads: keep it quick. */
@FunctionalInterface
public interface BackfillListener {

    BackfillListener NONE = p -> {
    };

    void onProgress(BackfillProgress progress);
}
