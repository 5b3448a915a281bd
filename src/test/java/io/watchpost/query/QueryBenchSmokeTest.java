package io.watchpost.query;

import io.watchpost.bench.QueryBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query benchmark runs end to end on a small cache and prints a line per filter and range (no timings checked). */
class QueryBenchSmokeTest {

    @TempDir
    Path dir;

    @Test
    void printsEveryFilterBesideItsBaseline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QueryBench.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir, 3_000);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("filled 3,000 events"), out);
        assertTrue(out.contains("source.ip in 10.0.0.0/8") && out.contains("baseline") && out.contains("last hour"), out);
        assertTrue(out.contains("target: first page + histogram p95 <= 300 ms"), out);
        assertTrue(out.lines().filter(l -> l.contains("watchpost")).count() >= 12, out);
    }
}
