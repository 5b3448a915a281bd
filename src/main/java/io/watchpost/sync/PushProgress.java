package io.watchpost.sync;

/** Hears about each batch a push commits, and may ask the push to stop before its next batch. */
public interface PushProgress {

    PushProgress NONE = (rows, inserted) -> {
    };

    /** Called on the pushing thread after PostgreSQL committed a batch and the cache's mark moved past it. */
    void batchCommitted(long rows, long inserted);

    /** Asked before each batch; true ends the push there, with everything so far committed. */
    default boolean stopRequested() {
        return false;
    }
}
