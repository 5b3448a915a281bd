package io.watchpost.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fails when a new H2 no longer takes the raised write buffer: the cache would then ingest much slower, silently. */
class StoreBufferLimitTest {

    @TempDir
    Path dir;

    @Test
    void anOpenedCacheWritesChunksOnlyPastTheRaisedLimit() throws Exception {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            assertEquals(StoreBufferLimit.BYTES, StoreBufferLimit.current(cache.dataSource()));
        }
    }
}
