package io.watchpost.source.emulator;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One log group: its streams (sorted by name, as DescribeLogStreams lists them), the arrival sequence counter
 * behind eventIds, and the read/write lock that guards every stream's events. Readers copy a page out under
 * the read lock and serialise it after releasing it, so a slow HTTP client never blocks writers.
 */
final class LogGroup {

    final String name;
    final long creationTime;
    final ConcurrentSkipListMap<String, LogStream> streams = new ConcurrentSkipListMap<>();
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Next arrival sequence number; eventIds are derived from it so they grow with arrival. */
    long nextSeq = 1;
    long eventCount;
    long storedBytes;

    LogGroup(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }
}
