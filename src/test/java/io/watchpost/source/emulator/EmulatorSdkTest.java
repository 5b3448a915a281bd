package io.watchpost.source.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the emulator through the real AWS SDK v2 client over loopback HTTP. */
class EmulatorSdkTest {

    private CloudWatchLogsEmulator emu;
    private CloudWatchLogsClient cw;
    private final long now = System.currentTimeMillis();

    @BeforeEach
    void start() throws Exception {
        emu = CloudWatchLogsEmulator.start(EmulatorOptions.loopback(0));
        cw = SdkClients.client(emu);
    }

    @AfterEach
    void stop() {
        cw.close();
        emu.close();
    }

    private void put(String group, String stream, long... timestamps) {
        List<software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent> events = new ArrayList<>();
        for (long t : timestamps) {
            events.add(software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent.builder()
                    .timestamp(t).message(stream + "@" + t).build());
        }
        cw.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    @Test
    void createsAndDescribesGroupsWithPagingAndPrefix() {
        for (int i = 0; i < 7; i++) {
            String name = "/app/svc-" + i;
            cw.createLogGroup(b -> b.logGroupName(name));
        }
        cw.createLogGroup(b -> b.logGroupName("other"));

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            DescribeLogGroupsResponse r = cw.describeLogGroups(b -> b.logGroupNamePrefix("/app/").limit(3).nextToken(t));
            r.logGroups().forEach(g -> seen.add(g.logGroupName()));
            token = r.nextToken();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(IntStream.range(0, 7).mapToObj(i -> "/app/svc-" + i).collect(Collectors.toList()), seen);

        LogGroup g = cw.describeLogGroups(b -> b.logGroupNamePrefix("other")).logGroups().get(0);
        assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:other:*", g.arn());
        assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:other", g.logGroupArn());
        assertEquals(0, g.metricFilterCount());
        assertTrue(Math.abs(g.creationTime() - now) < 60_000);
        assertEquals(8, cw.describeLogGroups().logGroups().size());
        // the SDK paginator follows our tokens to the end
        assertEquals(8, cw.describeLogGroupsPaginator(b -> b.limit(2)).logGroups().stream().count());
    }

    @Test
    @SuppressWarnings("deprecation") // storedBytes is deprecated in the model but AWS still returns it
    void describesStreamsByNameAndLastEventTimeWithPaging() {
        cw.createLogGroup(b -> b.logGroupName("g"));
        for (String s : List.of("c", "a", "b", "d")) {
            cw.createLogStream(b -> b.logGroupName("g").logStreamName(s));
        }
        put("g", "a", now - 1000, now - 500);
        put("g", "b", now - 100);
        put("g", "c", now - 2000);

        DescribeLogStreamsResponse first = cw.describeLogStreams(b -> b.logGroupName("g").limit(3));
        assertEquals(List.of("a", "b", "c"), names(first.logStreams()));
        DescribeLogStreamsResponse second = cw.describeLogStreams(b -> b.logGroupName("g").limit(3)
                .nextToken(first.nextToken()));
        assertEquals(List.of("d"), names(second.logStreams()));
        assertNull(second.nextToken());

        LogStream a = first.logStreams().get(0);
        assertEquals(now - 1000, a.firstEventTimestamp());
        assertEquals(now - 500, a.lastEventTimestamp());
        assertNotNull(a.lastIngestionTime());
        assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:a", a.arn());
        assertEquals(("a@" + (now - 1000)).length() + ("a@" + (now - 500)).length(), a.storedBytes());

        List<String> byTime = names(cw.describeLogStreams(b -> b.logGroupName("g").orderBy(OrderBy.LAST_EVENT_TIME)
                .descending(true)).logStreams());
        assertEquals(List.of("b", "a", "c", "d"), byTime);

        List<String> desc = names(cw.describeLogStreams(b -> b.logGroupName("g").descending(true)).logStreams());
        assertEquals(List.of("d", "c", "b", "a"), desc);

        List<String> paged = cw.describeLogStreamsPaginator(b -> b.logGroupName("g").orderBy(OrderBy.LAST_EVENT_TIME)
                .limit(1)).logStreams().stream().map(LogStream::logStreamName).collect(Collectors.toList());
        assertEquals(List.of("d", "c", "a", "b"), paged);

        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> cw.describeLogStreams(
                b -> b.logGroupName("g").logStreamNamePrefix("a").orderBy(OrderBy.LAST_EVENT_TIME)));
        assertTrue(e.awsErrorDetails().errorMessage().contains("LastEventTime"), e.getMessage());
    }

    private static List<String> names(List<LogStream> streams) {
        return streams.stream().map(LogStream::logStreamName).collect(Collectors.toList());
    }

    @Test
    void filterInterleavesStreamsSortedByTimeThenArrivalWithInclusiveBounds() {
        cw.createLogGroup(b -> b.logGroupName("g"));
        for (String s : List.of("s1", "s2", "s3")) {
            cw.createLogStream(b -> b.logGroupName("g").logStreamName(s));
        }
        long t = now - 60_000;
        put("g", "s2", t + 2, t + 5, t + 8);
        put("g", "s1", t + 1, t + 5, t + 9);
        put("g", "s3", t + 3, t + 5);
        put("g", "s1", t + 4); // out of order for s1: must still be merged into place

        FilterLogEventsResponse all = cw.filterLogEvents(b -> b.logGroupName("g"));
        List<String> got = all.events().stream().map(FilteredLogEvent::message).collect(Collectors.toList());
        assertEquals(List.of("s1@" + (t + 1), "s2@" + (t + 2), "s3@" + (t + 3), "s1@" + (t + 4),
                // three events at t+5 come back in arrival order: s2's put, then s1's, then s3's
                "s2@" + (t + 5), "s1@" + (t + 5), "s3@" + (t + 5),
                "s2@" + (t + 8), "s1@" + (t + 9)), got);
        assertNull(all.nextToken());
        assertEquals(3, all.searchedLogStreams().size());
        Set<String> ids = new HashSet<>();
        for (FilteredLogEvent e : all.events()) {
            assertEquals(56, e.eventId().length());
            assertTrue(e.eventId().chars().allMatch(Character::isDigit));
            assertTrue(ids.add(e.eventId()));
            assertTrue(Math.abs(e.ingestionTime() - System.currentTimeMillis()) < 60_000);
        }
        // eventIds grow with arrival: s3's t+5 arrived after s1's t+5
        assertTrue(all.events().get(6).eventId().compareTo(all.events().get(5).eventId()) > 0);

        FilterLogEventsResponse window = cw.filterLogEvents(b -> b.logGroupName("g").startTime(t + 2).endTime(t + 5));
        assertEquals(List.of(t + 2, t + 3, t + 4, t + 5, t + 5, t + 5),
                window.events().stream().map(FilteredLogEvent::timestamp).collect(Collectors.toList()));

        FilterLogEventsResponse some = cw.filterLogEvents(b -> b.logGroupName("g").logStreamNames("s1", "s3")
                .limit(3));
        assertEquals(List.of("s1@" + (t + 1), "s3@" + (t + 3), "s1@" + (t + 4)),
                some.events().stream().map(FilteredLogEvent::message).collect(Collectors.toList()));
        assertNotNull(some.nextToken());
        FilterLogEventsResponse rest = cw.filterLogEvents(b -> b.logGroupName("g").logStreamNames("s1", "s3")
                .nextToken(some.nextToken()));
        assertEquals(List.of("s1@" + (t + 5), "s3@" + (t + 5), "s1@" + (t + 9)),
                rest.events().stream().map(FilteredLogEvent::message).collect(Collectors.toList()));
        assertNull(rest.nextToken());

        FilterLogEventsResponse prefixed = cw.filterLogEvents(b -> b.logGroupName("g").logStreamNamePrefix("s2"));
        assertEquals(3, prefixed.events().size());
        assertTrue(prefixed.events().stream().allMatch(e -> e.logStreamName().equals("s2")));
    }

    @Test
    void filterPatternsMatchTermsAndPhrases() {
        emu.logs().ensureStream("g", "s");
        emu.logs().putLogEvents("g", "s", List.of(
                new InputLogEvent(now, "ERROR connection reset by peer"),
                new InputLogEvent(now + 1, "ERROR reset connection"),
                new InputLogEvent(now + 2, "INFO connection reset by peer"),
                new InputLogEvent(now + 3, "WARN disk")));
        assertEquals(List.of("ERROR connection reset by peer", "ERROR reset connection"), messages("ERROR connection"));
        assertEquals(List.of("ERROR connection reset by peer", "INFO connection reset by peer"),
                messages("\"connection reset\""));
        assertEquals(List.of("ERROR reset connection"), messages("ERROR -peer"));
        assertEquals(List.of("ERROR reset connection", "WARN disk"), messages("?disk ?\"reset connection\""));
        assertEquals(List.of(), messages("error")); // case-sensitive, as on AWS
        assertThrows(InvalidParameterException.class, () -> messages("{ $.level = \"x\" }"));
    }

    private List<String> messages(String pattern) {
        return cw.filterLogEvents(b -> b.logGroupName("g").filterPattern(pattern)).events().stream()
                .map(FilteredLogEvent::message).collect(Collectors.toList());
    }

    @Test
    void filterPagesThroughMoreThanTenThousandEventsEndingWithoutToken() {
        int total = 25_003;
        for (int s = 0; s < 4; s++) {
            List<InputLogEvent> events = new ArrayList<>();
            for (int i = s; i < total; i += 4) {
                events.add(new InputLogEvent(now - 3_600_000 + i, "event " + i));
            }
            emu.logs().seed("big", "stream-" + s, events);
        }
        assertEquals(total, emu.logs().eventCount("big"));
        List<Integer> sizes = new ArrayList<>();
        long expected = 0;
        String token = null;
        do {
            String t = token;
            FilterLogEventsResponse r = cw.filterLogEvents(b -> b.logGroupName("big").nextToken(t));
            sizes.add(r.events().size());
            for (FilteredLogEvent e : r.events()) {
                assertEquals("event " + expected, e.message());
                assertEquals("stream-" + (expected % 4), e.logStreamName());
                expected++;
            }
            token = r.nextToken();
        } while (token != null);
        assertEquals(List.of(10_000, 10_000, 5_003), sizes);
        assertEquals(total, expected);

        // the SDK paginator agrees
        assertEquals(total, cw.filterLogEventsPaginator(b -> b.logGroupName("big").limit(7_000)).events().stream().count());
    }

    @Test
    void filterPageStopsBeforeOneMegabyteOfMessages() {
        String big = "x".repeat(200_000);
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(new InputLogEvent(now + i, i + big));
        }
        emu.logs().seed("g", "s", events);
        FilterLogEventsResponse first = cw.filterLogEvents(b -> b.logGroupName("g"));
        int bytes = first.events().stream().mapToInt(e -> e.message().length()).sum();
        assertEquals(5, first.events().size()); // 6 x ~200 KB would pass 1 MB
        assertTrue(bytes <= 1_048_576);
        assertNotNull(first.nextToken());
        FilterLogEventsResponse second = cw.filterLogEvents(b -> b.logGroupName("g").nextToken(first.nextToken()));
        assertEquals("5" + big, second.events().get(0).message());
        assertEquals(5, second.events().size());
        FilterLogEventsResponse third = cw.filterLogEvents(b -> b.logGroupName("g").nextToken(second.nextToken()));
        assertEquals(2, third.events().size());
        assertNull(third.nextToken());
    }

    @Test
    void getLogEventsPagesForwardAndBackwardWithAwsTokenRules() {
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(new InputLogEvent(now - 100_000 + i * 10L, "m" + i));
        }
        emu.logs().ensureStream("g", "s");
        emu.logs().putLogEvents("g", "s", events);

        // default (startFromHead=false): the newest page
        GetLogEventsResponse tail = cw.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(10));
        assertEquals("m15", tail.events().get(0).message());
        assertEquals("m24", tail.events().get(9).message());

        List<String> seen = new ArrayList<>();
        GetLogEventsResponse r = cw.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(10).startFromHead(true));
        String lastForward;
        int pages = 0;
        while (true) {
            r.events().forEach(e -> seen.add(e.message()));
            lastForward = r.nextForwardToken();
            assertTrue(lastForward.startsWith("f/"));
            assertTrue(r.nextBackwardToken().startsWith("b/"));
            String t = lastForward;
            GetLogEventsResponse next = cw.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(10)
                    .startFromHead(true).nextToken(t));
            pages++;
            if (next.events().isEmpty()) {
                assertEquals(t, next.nextForwardToken(), "at the end the forward token comes back unchanged");
                break;
            }
            r = next;
        }
        assertEquals(3, pages);
        assertEquals(IntStream.range(0, 25).mapToObj(i -> "m" + i).collect(Collectors.toList()), seen);

        // back from the newest page
        GetLogEventsResponse back = cw.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(10)
                .nextToken(tail.nextBackwardToken()));
        assertEquals("m5", back.events().get(0).message());
        assertEquals("m14", back.events().get(9).message());

        // startTime inclusive, endTime exclusive
        GetLogEventsResponse window = cw.getLogEvents(b -> b.logGroupName("g").logStreamName("s").startFromHead(true)
                .startTime(now - 100_000 + 20).endTime(now - 100_000 + 50));
        assertEquals(List.of("m2", "m3", "m4"), window.events().stream().map(e -> e.message()).collect(Collectors.toList()));
        assertNotEquals(0L, window.events().get(0).ingestionTime());

        InvalidParameterException bad = assertThrows(InvalidParameterException.class, () -> cw.getLogEvents(
                b -> b.logGroupName("g").logStreamName("s").nextToken("f/garbage!")));
        assertEquals("The specified nextToken is invalid.", bad.awsErrorDetails().errorMessage());
    }

    @Test
    void errorsReachTheSdkAsModeledExceptions() {
        ResourceNotFoundException noGroup = assertThrows(ResourceNotFoundException.class,
                () -> cw.createLogStream(b -> b.logGroupName("missing").logStreamName("s")));
        assertEquals("The specified log group does not exist.", noGroup.awsErrorDetails().errorMessage());
        assertEquals("ResourceNotFoundException", noGroup.awsErrorDetails().errorCode());
        assertEquals(400, noGroup.statusCode());
        assertNotNull(noGroup.requestId());

        cw.createLogGroup(b -> b.logGroupName("g"));
        ResourceAlreadyExistsException dupGroup = assertThrows(ResourceAlreadyExistsException.class,
                () -> cw.createLogGroup(b -> b.logGroupName("g")));
        assertEquals("The specified log group already exists", dupGroup.awsErrorDetails().errorMessage());

        cw.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
        ResourceAlreadyExistsException dupStream = assertThrows(ResourceAlreadyExistsException.class,
                () -> cw.createLogStream(b -> b.logGroupName("g").logStreamName("s")));
        assertEquals("The specified log stream already exists", dupStream.awsErrorDetails().errorMessage());

        ResourceNotFoundException noStream = assertThrows(ResourceNotFoundException.class, () -> put("g", "nope", now));
        assertEquals("The specified log stream does not exist.", noStream.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class, () -> cw.filterLogEvents(b -> b.logGroupName("missing")));
        assertThrows(ResourceNotFoundException.class,
                () -> cw.getLogEvents(b -> b.logGroupName("g").logStreamName("nope")));

        assertThrows(InvalidParameterException.class, () -> cw.createLogGroup(b -> b.logGroupName("bad name!")));
        assertThrows(InvalidParameterException.class, () -> cw.createLogGroup(b -> b.logGroupName("x".repeat(513))));
        assertThrows(InvalidParameterException.class,
                () -> cw.createLogStream(b -> b.logGroupName("g").logStreamName("a:b")));
        assertThrows(InvalidParameterException.class,
                () -> cw.createLogStream(b -> b.logGroupName("g").logStreamName("a*b")));

        InvalidParameterException order = assertThrows(InvalidParameterException.class, () -> put("g", "s", now, now - 1));
        assertEquals("Log events in a single PutLogEvents request must be in chronological order.",
                order.awsErrorDetails().errorMessage());
        InvalidParameterException span = assertThrows(InvalidParameterException.class,
                () -> put("g", "s", now - 25 * 3_600_000L, now));
        assertTrue(span.awsErrorDetails().errorMessage().contains("24 hours"));
        assertThrows(InvalidParameterException.class, () -> cw.filterLogEvents(b -> b.logGroupName("g").limit(10_001)));
        assertThrows(InvalidParameterException.class, () -> cw.describeLogGroups(b -> b.limit(51)));
        assertThrows(InvalidParameterException.class,
                () -> cw.filterLogEvents(b -> b.logGroupName("g").startTime(now).endTime(now - 1)));
        InvalidParameterException token = assertThrows(InvalidParameterException.class,
                () -> cw.filterLogEvents(b -> b.logGroupName("g").nextToken("not-a-token")));
        assertEquals("The specified nextToken is invalid.", token.awsErrorDetails().errorMessage());
        assertThrows(InvalidParameterException.class,
                () -> cw.describeLogGroups(b -> b.nextToken("Zm9v")));

        InvalidParameterException tooBig = assertThrows(InvalidParameterException.class, () -> cw.putLogEvents(b -> b
                .logGroupName("g").logStreamName("s").logEvents(IntStream.range(0, 5).mapToObj(i ->
                        software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent.builder().timestamp(now)
                                .message("y".repeat(250_000)).build()).collect(Collectors.toList()))));
        assertTrue(tooBig.awsErrorDetails().errorMessage().contains("1048576"), tooBig.getMessage());
        assertThrows(InvalidParameterException.class, () -> put("g", "s", new long[10_001]));
        assertEquals(0, emu.logs().eventCount("g"), "rejected batches store nothing");
    }

    @Test
    void reportsTooOldAndTooNewEventsWithAwsIndexes() {
        cw.createLogGroup(b -> b.logGroupName("g"));
        cw.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
        long day = 86_400_000L;
        // span must stay within 24 h, so test the two windows separately
        PutLogEventsResponse old = putEvents(now - 14 * day - 20_000, now - 14 * day - 10_000, now - 14 * day + 60_000);
        assertEquals(2, old.rejectedLogEventsInfo().tooOldLogEventEndIndex());
        assertNull(old.rejectedLogEventsInfo().tooNewLogEventStartIndex());

        PutLogEventsResponse fresh = putEvents(now, now + 3_600_000, now + 3 * 3_600_000, now + 4 * 3_600_000);
        assertEquals(2, fresh.rejectedLogEventsInfo().tooNewLogEventStartIndex());
        assertNull(fresh.rejectedLogEventsInfo().tooOldLogEventEndIndex());

        PutLogEventsResponse fine = putEvents(now);
        assertNull(fine.rejectedLogEventsInfo());
        assertNotNull(fine.nextSequenceToken());
        assertEquals(4, emu.logs().eventCount("g"));
    }

    private PutLogEventsResponse putEvents(long... ts) {
        return cw.putLogEvents(b -> b.logGroupName("g").logStreamName("s").sequenceToken("ignored")
                .logEvents(java.util.Arrays.stream(ts).mapToObj(t ->
                        software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent.builder().timestamp(t)
                                .message("at " + t).build()).collect(Collectors.toList())));
    }

    @Test
    void inProcessAccessSharesTheSameData() {
        emu.logs().ensureStream("/demo", "feeder");
        emu.logs().ensureStream("/demo", "feeder"); // idempotent
        PutResult r = emu.logs().putLogEvents("/demo", "feeder", List.of(new InputLogEvent(now, "hello")));
        assertEquals(1, r.acceptedCount());
        assertFalse(cw.filterLogEvents(b -> b.logGroupName("/demo")).events().isEmpty());
        EmulatorException e = assertThrows(EmulatorException.class, () -> emu.logs().createLogGroup("/demo"));
        assertEquals("ResourceAlreadyExistsException", e.errorCode());
    }
}
