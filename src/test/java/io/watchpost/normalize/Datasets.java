package io.watchpost.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared public datasets live outside the project (some licences forbid shipping them), at
 * {@code ../shared/datasets} from the project root; tests that need them skip with a message when it is absent.
 */
final class Datasets {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2025-11-24T10:00:00Z");

    private Datasets() {
    }

    static Path root() {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../shared/datasets").normalize();
        Assumptions.assumeTrue(Files.isDirectory(p), "shared datasets not found at " + p + ": skipped");
        return p;
    }

    static Path file(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), relative + " not found: skipped");
        return p;
    }

    static List<String> lines(Path p) {
        try {
            List<String> out = new ArrayList<>();
            for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Normalizer normalizer() {
        return new Normalizer(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static RawLogEvent raw(String group, long timestamp, String message) {
        return new RawLogEvent(group, "stream", "id", timestamp, timestamp, message);
    }
}
