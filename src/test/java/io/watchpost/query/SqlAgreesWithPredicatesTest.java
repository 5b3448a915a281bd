package io.watchpost.query;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.store.Cache;
import io.watchpost.store.EventExplorer;
import io.watchpost.store.EventPage;
import io.watchpost.store.SortOrder;
import io.watchpost.store.SqlWhere;
import io.watchpost.store.StoredEvent;
import io.watchpost.store.TimeRange;
import io.watchpost.testing.SampleEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two implementations of the filter language must agree event for event: the SQL the Explorer, the count and
 * the export run ({@link SqlCompiler}) and the in-memory predicate detection and the live view run
 * ({@link EventPredicates}). Over the repository's sample data plus a handful of awkward events (values that differ
 * only in case or trailing blanks, empty strings, a fields key shadowing a column, IPv6, a JSON null), each filter's
 * SQL matches must be exactly the events the predicate accepts, whether it judges the events as normalized or as
 * read back from the cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlAgreesWithPredicatesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-24T12:00:00Z"), ZoneOffset.UTC);

    private Cache cache;
    private EventExplorer explorer;
    private List<Event> events;
    private List<Event> cached;

    @BeforeAll
    void fill(@TempDir Path dir) throws Exception {
        events = new ArrayList<>(SampleEvents.normalized(Path.of("sample-data")));
        events.addAll(awkward());
        cache = Cache.open(dir.resolve("c"));
        for (int i = 0; i < events.size(); i += 2000) {
            cache.events().append(events.subList(i, Math.min(events.size(), i + 2000)));
        }
        explorer = new EventExplorer(cache.dataSource());
        cached = all(SqlWhere.ALL).stream().map(StoredEvent::event).toList();
        assertEquals(events.size(), cached.size(), "every event cached once");
    }

    @AfterAll
    void close() {
        cache.close();
    }

    /** Events built to catch a disagreement the sample data may not hold. */
    private static List<Event> awkward() {
        long t = Instant.parse("2025-11-24T09:30:00Z").toEpochMilli();
        List<Event> out = new ArrayList<>();
        out.add(awkward(t, "aw-1", "root", "10.9.8.7", Map.of("user.name", "shadow", "http.status", "404")));
        out.add(awkward(t + 1, "aw-2", "Root", "10.9.8.8", Map.of("HTTP.Status", "500")));
        out.add(awkward(t + 2, "aw-3", "root ", "2001:db8::1", Map.of("http.status", "2e2")));
        out.add(awkward(t + 3, "aw-4", "", "", Map.of("tag", "")));
        out.add(awkward(t + 4, "aw-5", "ALICE", "not-an-ip", Map.of("Tag", "x", "tag", "y")));
        out.add(awkward(t + 5, "aw-6", "émile", "192.168.0.1", Map.of("emptykey", "")));
        return out;
    }

    private static Event awkward(long t, String id, String user, String ip, Map<String, String> fields) {
        Instant at = Instant.ofEpochMilli(t);
        return new Event(at, at, "/test/awkward", "s", id, "json", Severity.NOTICE, "Probe", "unknown", user, ip,
                "awkward probe for " + user, "{}", fields, null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // user.name: the column, never the fields key of the same name
            "user.name = root", "user.name == root", "user.name != root", "user.name = Root", "user.name = \"root \"",
            "user.name = \"\"", "user.name in [root, ec2-user, ubuntu, alice]", "not user.name in [root, ec2-user]",
            "user.name exists", "not user.name exists", "user.name contains adm", "user.name startswith RO",
            "user.name endswith user", "user.name matches /^r/", "user.name > m", "user = ALICE", "user.name = émile",
            // source.ip: text, CIDR over the IPv4 number column, IPv6, in-lists of blocks
            "source.ip = 10.0.0.10", "source.ip in 10.0.0.0/8", "source.ip in 10.0.1.0/24", "not source.ip in 10.0.0.0/8",
            "source.ip in [10.0.0.0/8, 192.168.0.0/16]", "source.ip in 2001:db8::/32", "source.ip in 0.0.0.0/0",
            "source.ip exists", "not source.ip exists", "source.ip startswith 203.", "source.ip != 10.0.0.10",
            // event.action / event.outcome
            "event.action = ConsoleLogin", "event.action = consolelogin", "event.action in [ConsoleLogin, AssumeRole]",
            "event.action contains login", "event.action exists", "not event.action exists",
            "event.outcome = failure", "event.outcome != success", "event.outcome in [failure, unknown]",
            "event.action = ConsoleLogin and event.outcome = failure",
            "event.action = ConsoleLogin or event.outcome = failure",
            "not (event.action = ConsoleLogin and event.outcome = failure)",
            // log.level / severity: names in any case, ordered
            "log.level = error", "severity = ERROR", "log.level >= warning", "log.level < notice", "severity <= info",
            "log.level in [error, critical]", "log.level != info", "not log.level >= error",
            // event.dataset / log.group
            "event.dataset = vpcflow", "event.dataset in [cloudtrail, auth] and severity >= notice",
            "log.group startswith /aws/lambda", "log.group = /var/log/secure",
            // free text over the message
            "failed", "Failed and password", "\"session opened\"", "denied", "not failed", "failed or denied",
            "message contains error", "message exists", "not message exists", "message matches /ERROR|WARN/",
            // keys only in the flattened fields
            "eventName = ConsoleLogin", "eventname = ConsoleLogin", "errorCode exists", "not errorCode exists",
            "errorCode = AccessDenied", "errorCode in [AccessDenied, UnauthorizedOperation]",
            "awsRegion != eu-west-1", "userIdentity.type = IAMUser", "destination.port = 22",
            "destination.port > 1024", "destination.port <= 443", "network.bytes > 1000", "source.port >= 49152",
            "destination.ip in 10.0.0.0/8", "not destination.ip in 10.0.0.0/8", "destination.ip in [10.0.0.0/16]",
            "http.status = 404", "http.status >= 300", "http.status exists", "tag = \"\"", "tag exists", "tag = y",
            "emptykey exists", "emptykey = \"\"", "userIdentity.userName contains dev",
            "network.transport in [tcp, udp]", "duration_ms > 100",
            // time
            "@timestamp >= 2025-11-24T09:00:00Z", "@timestamp < 2025-11-24T09:00:00Z and user.name exists",
    })
    void sqlMatchesExactlyWhatThePredicateAccepts(String text) {
        Filter filter = FilterParser.parse(text);
        SqlWhere where = SqlCompiler.compile(filter, CLOCK);
        Predicate<Event> predicate = EventPredicates.compile(filter, CLOCK);
        Set<String> bySql = all(where).stream().map(s -> id(s.event())).collect(Collectors.toCollection(TreeSet::new));
        Set<String> byPredicate = events.stream().filter(predicate).map(SqlAgreesWithPredicatesTest::id)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> byPredicateOnCached = cached.stream().filter(predicate).map(SqlAgreesWithPredicatesTest::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(byPredicate, byPredicateOnCached, "the predicate judges a cached event as it judged it before");
        assertEquals(diff(byPredicate, bySql), diff(bySql, bySql), text + ": accepted in memory but not by SQL");
        assertEquals(diff(bySql, byPredicate), diff(bySql, bySql), text + ": found by SQL but refused in memory");
        assertEquals(byPredicate.size(), explorer.count(where, TimeRange.ALL), text + ": the count query agrees");
    }

    /** Exact values compare exactly (case, trailing blanks, empty string); the shadowing fields key is not the column. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"user.name = Root|aw-2", "user.name = \"root \"|aw-3", "user.name = \"\"|aw-4",
            "user.name = shadow|", "tag = \"\"|aw-4", "tag = y|aw-5", "http.status = 500|aw-2",
            "http.status >= 200 and log.group = /test/awkward|aw-1 aw-2 aw-3", "source.ip in 2001:db8::/32|aw-3"})
    void awkwardValuesMatchExactlyTheEventsMeant(String caseText) {
        String[] parts = caseText.split("\\|", -1);
        Set<String> expected = parts[1].isEmpty() ? Set.of() : Set.of(parts[1].split(" "));
        Set<String> bySql = all(SqlCompiler.compile(FilterParser.parse(parts[0]), CLOCK)).stream()
                .map(s -> s.event().eventId()).filter(id -> id.startsWith("aw-")).collect(Collectors.toSet());
        assertEquals(expected, bySql, parts[0]);
    }

    private List<StoredEvent> all(SqlWhere where) {
        EventPage page = explorer.page(where, TimeRange.ALL, SortOrder.OLDEST_FIRST, null, 100_000);
        assertTrue(page.next().isEmpty());
        return page.events();
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out.stream().limit(10).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String id(Event e) {
        return e.logGroup() + "|" + e.eventId();
    }
}
