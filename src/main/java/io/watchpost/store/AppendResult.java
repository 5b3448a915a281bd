package io.watchpost.store;

/** What one append did: events new to the cache, and events it already held (same log group and eventId). */
public record AppendResult(int stored, int duplicates) {
    public AppendResult plus(AppendResult other) {
        return new AppendResult(stored + other.stored, duplicates + other.duplicates);
    }

    public static final AppendResult NONE = new AppendResult(0, 0);
}
