package io.watchpost.source.emulator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes {@link EmulatedLogs} durable in a data directory and loads it back, so a restarted emulator serves the
 * same events with the same eventIds.
 *
 * <h2>Layout</h2>
 * <pre>
 * dataDir/
 *   *.jsonl                   sample data, one event a line:
 *                             {"logGroup":"/app/web","logStream":"i-1","timestamp":1700000000000,"message":"..."}
 *                             Imported once (without PutLogEvents' age and size limits) into the store below,
 *                             then listed in emulator-store/imported.txt so it is not imported twice.
 *   emulator-store/           the emulator's own files; nothing else should write here
 *     &lt;group&gt;.jsonl          journal of one log group (name percent-encoded), lines in arrival order:
 *                             {"kind":"group","logGroup":"/app/web","creationTime":...}
 *                             {"kind":"stream","logStream":"i-1","creationTime":...}
 *                             {"stream":"i-1","timestamp":...,"ingestionTime":...,"eventId":"3000...","message":"..."}
 *     imported.txt            file names of sample files already imported
 * </pre>
 * Journals are appended under the group's write lock and flushed after every call, so a crash loses at most
 * the call in flight; a torn last line is skipped on load.
 */
final class DataDirStore implements LogJournal {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirStore.class);
    static final String STORE_DIR = "emulator-store";
    static final String IMPORTED_LIST = "imported.txt";

    private final JsonFactory json = new JsonFactory();
    private final Path storeDir;
    private final Map<String, JsonGenerator> writers = new ConcurrentHashMap<>();

    private DataDirStore(Path storeDir) {
        this.storeDir = storeDir;
    }

    /** Loads the store into {@code logs}, imports new sample files, and attaches itself as the journal. */
    static DataDirStore open(Path dataDir, EmulatedLogs logs) throws IOException {
        Path store = dataDir.resolve(STORE_DIR);
        Files.createDirectories(store);
        DataDirStore s = new DataDirStore(store);
        s.loadJournals(logs);
        logs.attachJournal(s);
        s.importSamples(dataDir, logs);
        return s;
    }

    // ------------------------------------------------------------------ loading

    private void loadJournals(EmulatedLogs logs) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(storeDir, "*.jsonl")) {
            for (Path f : files) {
                loadJournal(f, logs);
            }
        }
        logs.finishRestore();
    }

    private void loadJournal(Path file, EmulatedLogs logs) throws IOException {
        LogGroup group = null;
        Map<String, LogStream> streams = new LinkedHashMap<>();
        long lines = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser p = json.createParser(in)) {
            Map<String, Object> line;
            while ((line = readFlatObject(p)) != null) {
                lines++;
                if ("group".equals(line.get("kind"))) {
                    group = logs.restoreGroup((String) line.get("logGroup"), num(line.get("creationTime")));
                } else if (group == null) {
                    throw new IOException("journal does not start with a group line");
                } else if ("stream".equals(line.get("kind"))) {
                    String name = (String) line.get("logStream");
                    streams.put(name, logs.restoreStream(group, name, num(line.get("creationTime"))));
                } else {
                    String name = (String) line.get("stream");
                    LogStream s = streams.get(name);
                    if (s == null) { // tolerate journals without stream lines
                        s = logs.restoreStream(group, name, num(line.get("ingestionTime")));
                        streams.put(name, s);
                    }
                    long seq = EventIds.parse((String) line.get("eventId"));
                    if (seq < 0) {
                        throw new IOException("bad eventId on line " + lines);
                    }
                    logs.restoreEvent(group, s, num(line.get("timestamp")), seq, num(line.get("ingestionTime")),
                            (String) line.get("message"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // A crash can tear the last line; keep everything read so far.
            LOG.warn("Stopped reading {} after {} lines: {}", file, lines, e.toString());
        }
    }

    /** Reads one root-level object of scalar fields; null at end of input. */
    private static Map<String, Object> readFlatObject(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new IOException("expected an object at " + p.currentLocation());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (v) {
                case VALUE_STRING -> m.put(name, p.getText());
                case VALUE_NUMBER_INT -> m.put(name, p.getLongValue());
                case VALUE_NUMBER_FLOAT -> m.put(name, (long) p.getDoubleValue());
                case START_OBJECT, START_ARRAY -> {
                    p.skipChildren();
                }
                default -> {
                }
            }
        }
        return m;
    }

    private static long num(Object o) {
        if (o instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException("expected a number, got " + o);
    }

    private void importSamples(Path dataDir, EmulatedLogs logs) throws IOException {
        Path listFile = storeDir.resolve(IMPORTED_LIST);
        Set<String> imported = new LinkedHashSet<>();
        if (Files.exists(listFile)) {
            imported.addAll(Files.readAllLines(listFile, StandardCharsets.UTF_8));
        }
        List<Path> samples = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, "*.jsonl")) {
            files.forEach(samples::add);
        }
        samples.sort(null);
        for (Path f : samples) {
            String name = f.getFileName().toString();
            if (imported.contains(name) || !Files.isRegularFile(f)) {
                continue;
            }
            Map<List<String>, List<InputLogEvent>> byStream = new LinkedHashMap<>();
            long skipped = 0;
            try (InputStream in = Files.newInputStream(f); JsonParser p = json.createParser(in)) {
                Map<String, Object> line;
                while ((line = readFlatObject(p)) != null) {
                    if (line.get("logGroup") instanceof String g && line.get("logStream") instanceof String s
                            && line.get("timestamp") instanceof Long ts && line.get("message") instanceof String m
                            && !m.isEmpty()) {
                        byStream.computeIfAbsent(List.of(g, s), k -> new ArrayList<>()).add(new InputLogEvent(ts, m));
                    } else {
                        skipped++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Sample file {} is malformed ({}); importing the lines read before the error", f, e.toString());
            }
            long count = 0;
            for (Map.Entry<List<String>, List<InputLogEvent>> e : byStream.entrySet()) {
                try {
                    logs.seed(e.getKey().get(0), e.getKey().get(1), e.getValue());
                    count += e.getValue().size();
                } catch (EmulatorException ex) {
                    LOG.warn("Skipping {} events for {} from {}: {}", e.getValue().size(), e.getKey(), f, ex.toString());
                }
            }
            LOG.info("Imported {} events from sample file {} ({} lines skipped)", count, f, skipped);
            Files.writeString(listFile, name + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    // ------------------------------------------------------------------ journaling

    @Override
    public void groupCreated(String group, long creationTime) {
        io(() -> {
            JsonGenerator g = writer(group);
            g.writeStartObject();
            g.writeStringField("kind", "group");
            g.writeStringField("logGroup", group);
            g.writeNumberField("creationTime", creationTime);
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        });
    }

    @Override
    public void streamCreated(String group, String stream, long creationTime) {
        io(() -> {
            JsonGenerator g = writer(group);
            g.writeStartObject();
            g.writeStringField("kind", "stream");
            g.writeStringField("logStream", stream);
            g.writeNumberField("creationTime", creationTime);
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        });
    }

    @Override
    public void eventsAdded(String group, String stream, long[] ts, long[] seq, long[] ingest, String[] msg, int n) {
        io(() -> {
            JsonGenerator g = writer(group);
            for (int i = 0; i < n; i++) {
                g.writeStartObject();
                g.writeStringField("stream", stream);
                g.writeNumberField("timestamp", ts[i]);
                g.writeNumberField("ingestionTime", ingest[i]);
                g.writeStringField("eventId", EventIds.format(seq[i]));
                g.writeStringField("message", msg[i]);
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.flush();
        });
    }

    private JsonGenerator writer(String group) {
        return writers.computeIfAbsent(group, name -> {
            try {
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(storeDir.resolve(fileName(name)),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16);
                JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8);
                g.setRootValueSeparator(null); // we write our own '\n' between lines
                return g;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Percent-encodes everything but [A-Za-z0-9._-] so any group name is a safe, unique file name. */
    static String fileName(String group) {
        StringBuilder sb = new StringBuilder();
        for (byte b : group.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", (int) c));
            }
        }
        return sb.append(".jsonl").toString();
    }

    private interface IoWork {
        void run() throws IOException;
    }

    private static void io(IoWork w) {
        try {
            w.run();
        } catch (IOException e) {
            // Surfaces as a 500 ServiceUnavailableException to HTTP clients: the write was not made durable.
            throw EmulatorException.internal("Failed to persist: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        for (JsonGenerator g : writers.values()) {
            try {
                g.close();
            } catch (IOException e) {
                LOG.warn("Failed to close journal: {}", e.toString());
            }
        }
        writers.clear();
    }
}
