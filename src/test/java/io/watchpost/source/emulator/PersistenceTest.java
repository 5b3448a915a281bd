package io.watchpost.source.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersistenceTest {

    @TempDir
    Path dir;

    private EmulatorOptions options() {
        return EmulatorOptions.loopback(0).withDataDir(dir);
    }

    @Test
    void restartServesTheSameEventsWithTheSameEventIds() throws Exception {
        long now = System.currentTimeMillis();
        List<String> before;
        List<String> beforeIds;
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(options());
             CloudWatchLogsClient cw = SdkClients.client(emu)) {
            cw.createLogGroup(b -> b.logGroupName("/app/web"));
            cw.createLogGroup(b -> b.logGroupName("/empty#group"));
            cw.createLogStream(b -> b.logGroupName("/app/web").logStreamName("a"));
            emu.logs().ensureStream("/app/web", "b");
            emu.logs().putLogEvents("/app/web", "a", List.of(new InputLogEvent(now - 10, "a1 \"quoted\" ü"),
                    new InputLogEvent(now, "a2\nsecond line")));
            emu.logs().putLogEvents("/app/web", "b", List.of(new InputLogEvent(now - 5, "b1")));
            emu.logs().putLogEvents("/app/web", "a", List.of(new InputLogEvent(now - 20, "a0 late")));
            FilterLogEventsResponse r = cw.filterLogEvents(b -> b.logGroupName("/app/web"));
            before = r.events().stream().map(FilteredLogEvent::message).collect(Collectors.toList());
            beforeIds = r.events().stream().map(FilteredLogEvent::eventId).collect(Collectors.toList());
        }
        assertEquals(List.of("a0 late", "a1 \"quoted\" ü", "b1", "a2\nsecond line"), before);

        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(options());
             CloudWatchLogsClient cw = SdkClients.client(emu)) {
            FilterLogEventsResponse r = cw.filterLogEvents(b -> b.logGroupName("/app/web"));
            assertEquals(before, r.events().stream().map(FilteredLogEvent::message).collect(Collectors.toList()));
            assertEquals(beforeIds, r.events().stream().map(FilteredLogEvent::eventId).collect(Collectors.toList()));
            assertEquals(List.of("/app/web", "/empty#group"), emu.logs().logGroupNames());
            assertEquals(List.of("a", "b"), emu.logs().logStreamNames("/app/web"));
            // new events continue the sequence instead of reusing ids
            emu.logs().putLogEvents("/app/web", "b", List.of(new InputLogEvent(now + 1, "after restart")));
            FilteredLogEvent last = cw.filterLogEvents(b -> b.logGroupName("/app/web")).events().get(4);
            assertEquals("after restart", last.message());
            assertTrue(last.eventId().compareTo(beforeIds.get(2)) > 0);
        }
    }

    @Test
    void sampleFilesAreImportedOnceAndKeepTheirIds() throws Exception {
        long old = 1_600_000_000_000L; // far older than PutLogEvents would accept
        Files.writeString(dir.resolve("sample.jsonl"), String.join("\n",
                "{\"logGroup\":\"/sample/auth\",\"logStream\":\"host-1\",\"timestamp\":" + (old + 2) + ",\"message\":\"second\"}",
                "{\"logGroup\":\"/sample/auth\",\"logStream\":\"host-2\",\"timestamp\":" + (old + 1) + ",\"message\":\"first\"}",
                "{\"not\":\"an event\"}",
                "{\"logGroup\":\"/sample/auth\",\"logStream\":\"host-1\",\"timestamp\":" + (old + 3) + ",\"message\":\"third\"}",
                ""), StandardCharsets.UTF_8);
        List<String> ids;
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(options())) {
            FilterPage page = emu.logs().filterLogEvents(FilterRequest.all("/sample/auth"));
            assertEquals(List.of("first", "second", "third"),
                    page.events().stream().map(FilteredEvent::message).collect(Collectors.toList()));
            ids = page.events().stream().map(FilteredEvent::eventId).collect(Collectors.toList());
        }
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(options())) {
            assertEquals(3, emu.logs().eventCount("/sample/auth"), "imported once, not again on restart");
            assertEquals(ids, emu.logs().filterLogEvents(FilterRequest.all("/sample/auth")).events().stream()
                    .map(FilteredEvent::eventId).collect(Collectors.toList()));
        }
    }

    @Test
    void tornLastLineIsSkipped() throws Exception {
        long now = System.currentTimeMillis();
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(options())) {
            emu.logs().ensureStream("g", "s");
            emu.logs().putLogEvents("g", "s", List.of(new InputLogEvent(now, "kept")));
        }
        Path journal = dir.resolve(DataDirStore.STORE_DIR).resolve(DataDirStore.fileName("g"));
        Files.writeString(journal, "{\"stream\":\"s\",\"timestamp\":1,\"ingest", java.nio.file.StandardOpenOption.APPEND);
        try (CloudWatchLogsEmulator emu = CloudWatchLogsEmulator.start(options())) {
            assertEquals(1, emu.logs().eventCount("g"));
        }
    }
}
