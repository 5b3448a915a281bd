package io.watchpost.sync;

import io.watchpost.bench.SyncBench;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Runs {@link SyncBench} alone (the same as the last part of {@code watchpost bench}). Prints figures, asserts none:
 * only with {@code -Dwatchpost.bench=true}; {@code -Dwatchpost.bench.rows=N}, {@code -Dwatchpost.bench.rounds=N}.
 */
class SyncBenchTest {

    @TempDir
    Path dir;

    @Test
    void syncAgainstPlainCopy() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("watchpost.bench"), "benchmark: run with -Dwatchpost.bench=true");
        SyncBench.run(System.out, dir, Integer.getInteger("watchpost.bench.rows", 200_000),
                Integer.getInteger("watchpost.bench.rounds", 3));
    }
}
