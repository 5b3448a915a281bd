package io.watchpost.sync;

import io.watchpost.detect.Alert;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.EventRef;
import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleSeverity;
import io.watchpost.detect.RuleYaml;
import io.watchpost.detect.UserRules;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.detect.alerts.StoredAlert;
import io.watchpost.detect.alerts.TriageState;
import io.watchpost.store.Cache;
import io.watchpost.store.EventKey;
import io.watchpost.store.InvestigationStore;
import io.watchpost.store.SavedSearch;
import io.watchpost.store.TeamState;
import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two workstations' features — Explorer tags, notes and saved searches, alert triage, user rules — sharing their
 * state through one real PostgreSQL: what A does reaches B's own tables, files and engine; concurrent edits end with
 * the later writer's version on both sides and the loser marked.
 */
class TeamFeaturesSyncTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    private static final EventKey EVENT = new EventKey("/aws/cloudtrail", "38517052912399213860291201");
    private static final String ALERT_ID = "al-root-login-1";

    @TempDir
    Path dir;

    private final AtomicLong clockA = new AtomicLong(1_000_000);
    private final AtomicLong clockB = new AtomicLong(1_000_000);
    private Workstation a;
    private Workstation b;

    /** One workstation: its cache, team state, sync, and the features on top. */
    private record Workstation(Cache cache, SharedObjectStore team, SharedStateSync sync, InvestigationStore investigations,
                               AlertStore alerts, DetectionEngine engine, UserRules rules) {
        void close() {
            cache.close();
        }
    }

    @BeforeEach
    void open() throws SQLException {
        try (Connection pg = PG.connect(); Statement st = pg.createStatement()) {
            st.execute("DO $$ BEGIN IF to_regclass('shared_objects') IS NOT NULL THEN TRUNCATE shared_objects; END IF; END $$");
        }
        a = workstation("a", "alice@ws1", clockA);
        b = workstation("b", "bob@ws2", clockB);
    }

    private Workstation workstation(String name, String origin, AtomicLong millis) {
        Cache cache = Cache.open(dir.resolve(name + "-cache"));
        Clock clock = SharedStateSyncTest.ticking(millis);
        SharedObjectStore team = new SharedObjectStore(cache.dataSource(), origin, clock);
        DetectionEngine engine = new DetectionEngine(List.of());
        return new Workstation(cache, team, new SharedStateSync(team, cache.dataSource(), PgTarget.parse(PG.url())),
                new InvestigationStore(cache.dataSource(), team), new AlertStore(cache.dataSource(), clock, team),
                engine, new UserRules(dir.resolve(name + "-rules"), engine, team));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void whatOneWorkstationDoesTheOtherSeesInItsOwnFeatures() throws Exception {
        a.investigations().addTag(EVENT, "suspicious");
        a.investigations().setNote(EVENT, "root console login from a new ASN");
        a.alerts().save(alert());
        a.alerts().setState(ALERT_ID, TriageState.ACKNOWLEDGED, "calling the account owner");
        a.investigations().save(new SavedSearch("root logins", "eventName = ConsoleLogin and user = root", "preset:LAST_24_HOURS"));
        a.rules().save(rule("severity: high"));

        a.sync().syncOnce();
        b.sync().syncOnce();

        assertEquals(List.of("suspicious"), b.investigations().tags(EVENT));
        assertEquals(Optional.of("root console login from a new ASN"), b.investigations().note(EVENT));
        StoredAlert onB = b.alerts().get(ALERT_ID).orElseThrow(() -> new AssertionError("B did not get A's alert"));
        assertEquals(TriageState.ACKNOWLEDGED, onB.state());
        assertEquals("calling the account owner", onB.note());
        assertEquals(List.of(new EventRef(EVENT.logGroup(), EVENT.eventId())), onB.alert().events());
        assertEquals("Root console login", onB.alert().ruleTitle());
        assertEquals(List.of(new SavedSearch("root logins", "eventName = ConsoleLogin and user = root", "preset:LAST_24_HOURS")),
                b.investigations().savedSearches());
        Path ruleFile = b.rules().file("team.root-login");
        assertTrue(Files.readString(ruleFile).contains("severity: high"), "B's rules directory holds A's rule");
        assertEquals(RuleSeverity.HIGH, engineRule(b).severity(), "B's running engine runs A's rule");
        assertTrue(b.team().pending().isEmpty(), "what B took from the team is not echoed back as B's own change");

        // Deletes travel too: A removes the tag and the saved search.
        tick();
        a.investigations().removeTag(EVENT, "suspicious");
        a.investigations().deleteSavedSearch("root logins");
        a.investigations().setNote(EVENT, "");
        a.sync().syncOnce();
        b.sync().syncOnce();
        assertEquals(List.of(), b.investigations().tags(EVENT));
        assertEquals(List.of(), b.investigations().savedSearches());
        assertEquals(Optional.empty(), b.investigations().note(EVENT));
        assertTrue(b.team().pending().isEmpty());
    }

    @Test
    void concurrentChangesOfTheSameObjectsTheLaterWriterWinsOnBothSidesAndTheLoserIsMarked() throws Exception {
        a.alerts().save(alert());
        a.alerts().setState(ALERT_ID, TriageState.ACKNOWLEDGED, null);
        a.investigations().save(new SavedSearch("root logins", "user = root", "preset:LAST_1_HOUR"));
        a.rules().save(rule("severity: medium"));
        a.investigations().addTag(EVENT, "suspicious");
        a.sync().syncOnce();
        b.sync().syncOnce();

        // Both change the same synced objects before either syncs. Bob's triage and search are later; Alice's rule
        // edit and tag removal are later.
        clockA.set(2_000_000);
        a.alerts().setState(ALERT_ID, TriageState.CLOSED_FALSE_POSITIVE, "alice: known admin");
        a.investigations().save(new SavedSearch("root logins", "user = root and outcome = success", "preset:LAST_1_HOUR"));
        clockB.set(2_000_300);
        b.alerts().setState(ALERT_ID, TriageState.CLOSED_TRUE_POSITIVE, "bob: confirmed with the owner");
        b.investigations().save(new SavedSearch("root logins", "user = root and outcome = failure", "preset:LAST_4_HOURS"));
        b.rules().save(rule("severity: low"));
        b.investigations().setNote(EVENT, "bob looked at it");
        clockA.set(2_000_600);
        a.rules().save(rule("severity: critical"));
        a.investigations().removeTag(EVENT, "suspicious");

        a.sync().syncOnce();
        b.sync().syncOnce(); // B's push meets A's changes: conflicts, decided by last writer
        a.sync().syncOnce(); // A pulls the outcome

        for (Workstation w : List.of(a, b)) {
            StoredAlert alert = w.alerts().get(ALERT_ID).orElseThrow();
            assertEquals(TriageState.CLOSED_TRUE_POSITIVE, alert.state(), "Bob triaged last");
            assertEquals("bob: confirmed with the owner", alert.note());
            assertEquals("user = root and outcome = failure", w.investigations().savedSearches().get(0).filterText());
            assertEquals("preset:LAST_4_HOURS", w.investigations().savedSearches().get(0).rangeSpec());
            assertEquals(RuleSeverity.CRITICAL, engineRule(w).severity(), "Alice edited the rule last");
            assertTrue(Files.readString(w.rules().file("team.root-login")).contains("severity: critical"));
            assertEquals(List.of(), w.investigations().tags(EVENT), "Alice's removal of the tag stands");
            assertEquals(Optional.of("bob looked at it"), w.investigations().note(EVENT), "no conflict: only Bob wrote it");
            assertTrue(w.team().pending().isEmpty());
        }
        // The losers' markers: Alice lost the triage and the search, Bob lost the rule.
        assertEquals(Optional.of("bob@ws2"), overwrittenBy(a, AlertStore.TRIAGE, ALERT_ID));
        assertEquals(Optional.of("bob@ws2"), overwrittenBy(a, InvestigationStore.SAVED_SEARCH, "root logins"));
        assertEquals(Optional.empty(), overwrittenBy(a, UserRules.KIND, "team.root-login"));
        assertEquals(Optional.of("alice@ws1"), overwrittenBy(b, UserRules.KIND, "team.root-login"));
        assertEquals(Optional.empty(), overwrittenBy(b, AlertStore.TRIAGE, ALERT_ID));
        assertEquals(Optional.empty(), overwrittenBy(b, InvestigationStore.SAVED_SEARCH, "root logins"));

        // Acknowledging clears the marker, and it stays cleared through the next sync.
        a.team().acknowledge(AlertStore.TRIAGE, ALERT_ID);
        a.sync().syncOnce();
        assertEquals(Optional.empty(), overwrittenBy(a, AlertStore.TRIAGE, ALERT_ID));
        assertEquals(Optional.of("bob@ws2"), overwrittenBy(a, InvestigationStore.SAVED_SEARCH, "root logins"));
    }

    private static Optional<String> overwrittenBy(Workstation w, String kind, String id) {
        return Optional.ofNullable(w.team().overwrites(kind).get(id)).map(TeamState.Overwrite::by);
    }

    private static Rule engineRule(Workstation w) {
        return w.engine().rules().stream().filter(r -> r.id().equals("team.root-login")).findFirst()
                .orElseThrow(() -> new AssertionError("the engine has no team.root-login"));
    }

    private void tick() {
        clockA.addAndGet(10);
        clockB.addAndGet(10);
    }

    private static Alert alert() {
        return new Alert(ALERT_ID, "team.root-login", "Root console login", RuleSeverity.HIGH, "Watchpost team",
                List.of("attack.initial_access"), "user=root", Instant.parse("2025-11-24T08:00:00Z"),
                Instant.parse("2025-11-24T08:05:00Z"), 2, List.of(new EventRef(EVENT.logGroup(), EVENT.eventId())),
                "root signed in to the console");
    }

    private static Rule rule(String severityLine) {
        return RuleYaml.parse("""
                id: team.root-login
                title: Root console login
                description: The root user signed in to the console.
                %s
                tags: []
                enabled: true
                kind: match
                filter: "sourceType = cloudtrail and eventName = ConsoleLogin and user = root"
                """.formatted(severityLine));
    }
}
