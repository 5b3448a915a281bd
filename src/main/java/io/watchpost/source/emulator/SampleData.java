package io.watchpost.source.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads sample-data files (JSON Lines: logGroup, logStream, timestamp, message), from a directory or from the
 * {@code sample-data/} folder packaged in the application jar.
 */
public final class SampleData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleData() {
    }

    /** Every event of every {@code *.jsonl} file in {@code dir}, sorted by timestamp. */
    public static List<SampleEvent> load(Path dir) throws IOException {
        List<SampleEvent> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    read(in, file.getFileName().toString(), out);
                }
            }
        }
        out.sort(Comparator.comparingLong(SampleEvent::timestamp));
        return out;
    }

    /** The sample data shipped with Watchpost (classpath folder {@code sample-data/}). */
    public static List<SampleEvent> bundled() {
        URL url = SampleData.class.getResource("/sample-data/");
        if (url == null) {
            throw new IllegalStateException("the bundled sample-data folder is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(fs.getPath("/sample-data"));
                }
            }
            return load(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sample data", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(InputStream in, String name, List<SampleEvent> out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            if (!n.hasNonNull("logGroup") || !n.hasNonNull("logStream") || !n.hasNonNull("timestamp") || !n.has("message")) {
                throw new IOException(name + " line " + number + ": needs logGroup, logStream, timestamp and message");
            }
            out.add(new SampleEvent(n.get("logGroup").asText(), n.get("logStream").asText(), n.get("timestamp").asLong(),
                    n.get("message").asText()));
        }
    }
}
