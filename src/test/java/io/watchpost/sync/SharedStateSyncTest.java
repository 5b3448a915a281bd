package io.watchpost.sync;

import io.watchpost.store.Cache;
import io.watchpost.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two workstations' caches sharing state through one PostgreSQL database. */
class SharedStateSyncTest {

    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    @TempDir
    Path dir;

    private Cache cacheA;
    private Cache cacheB;
    private final AtomicLong clockA = new AtomicLong(1_000_000);
    private final AtomicLong clockB = new AtomicLong(1_000_000);
    private SharedObjectStore a;
    private SharedObjectStore b;
    private SharedStateSync syncA;
    private SharedStateSync syncB;

    @BeforeEach
    void open() throws SQLException {
        try (Connection pg = PG.connect(); Statement st = pg.createStatement()) {
            st.execute("DO $$ BEGIN IF to_regclass('shared_objects') IS NOT NULL THEN TRUNCATE shared_objects; END IF; END $$");
        }
        cacheA = Cache.open(dir.resolve("a"));
        cacheB = Cache.open(dir.resolve("b"));
        a = new SharedObjectStore(cacheA.dataSource(), "alice@ws1", ticking(clockA));
        b = new SharedObjectStore(cacheB.dataSource(), "bob@ws2", ticking(clockB));
        PgTarget target = PgTarget.parse(PG.url());
        syncA = new SharedStateSync(a, cacheA.dataSource(), target);
        syncB = new SharedStateSync(b, cacheB.dataSource(), target);
    }

    @AfterEach
    void close() {
        cacheA.close();
        cacheB.close();
    }

    /** A clock that reads the given millis: tests decide who wrote last. */
    static Clock ticking(AtomicLong millis) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
    }

    @Test
    void putGetListDeleteByKind() {
        a.put("rule", "r1", "{\"name\":\"root login\"}");
        a.put("rule", "r2", "{\"name\":\"s3 public\"}");
        a.put("tag", "t1", "{\"label\":\"x\"}");
        assertEquals(List.of("r1", "r2"), a.list("rule").stream().map(SharedObject::id).toList());
        assertEquals("{\"name\":\"root login\"}", a.get("rule", "r1").orElseThrow().body());
        a.delete("rule", "r1");
        assertTrue(a.get("rule", "r1").isEmpty());
        assertEquals(List.of("r2"), a.list("rule").stream().map(SharedObject::id).toList());
        assertThrows(IllegalArgumentException.class, () -> a.put("rule", "bad", "{not json"));
    }

    @Test
    void changesAndDeletesTravelBothWays() {
        a.put("search", "s1", "{\"q\":\"user=root\"}");
        syncA.syncOnce();
        syncB.syncOnce();
        assertEquals("{\"q\":\"user=root\"}", b.get("search", "s1").orElseThrow().body());
        assertFalse(b.get("search", "s1").orElseThrow().pending());

        clockB.addAndGet(10);
        b.put("search", "s1", "{\"q\":\"user=admin\"}");
        syncB.syncOnce();
        syncA.syncOnce();
        SharedObject onA = a.get("search", "s1").orElseThrow();
        assertEquals("{\"q\":\"user=admin\"}", onA.body());
        assertEquals("bob@ws2", onA.updatedBy());
        assertFalse(onA.wasOverwritten(), "a later edit of a synced version is no conflict");

        clockA.addAndGet(20);
        a.delete("search", "s1");
        syncA.syncOnce();
        syncB.syncOnce();
        assertTrue(b.get("search", "s1").isEmpty(), "the delete reached B");
    }

    @Test
    void concurrentEditsLastWriterWinsAndTheLoserIsMarked_winnerPushesSecond() {
        a.put("alert", "al-1", "{\"triage\":\"new\"}");
        syncA.syncOnce();
        syncB.syncOnce();
        // Both edit the same synced version; Bob's is later.
        clockA.set(2_000_000);
        a.put("alert", "al-1", "{\"triage\":\"false positive\"}");
        clockB.set(2_000_500);
        b.put("alert", "al-1", "{\"triage\":\"escalated\"}");

        syncA.syncOnce(); // Alice pushes first: no conflict yet
        SharedStateSync.Report bReport = syncB.syncOnce(); // Bob's base is stale: conflict, Bob is later and wins
        assertEquals(1, bReport.conflicts());
        syncA.syncOnce(); // Alice pulls Bob's version and learns hers was overwritten

        for (SharedObjectStore s : List.of(a, b)) {
            assertEquals("{\"triage\":\"escalated\"}", s.get("alert", "al-1").orElseThrow().body());
        }
        SharedObject alices = a.get("alert", "al-1").orElseThrow();
        assertTrue(alices.wasOverwritten());
        assertEquals("bob@ws2", alices.overwrittenBy());
        assertFalse(b.get("alert", "al-1").orElseThrow().wasOverwritten(), "the winner shows no marker");

        a.acknowledgeOverwrite("alert", "al-1");
        assertNull(a.get("alert", "al-1").orElseThrow().overwrittenBy());
    }

    @Test
    void concurrentEditsLastWriterWinsAndTheLoserIsMarked_loserPushesSecond() {
        a.put("note", "n-1", "{\"text\":\"v0\"}");
        syncA.syncOnce();
        syncB.syncOnce();
        clockA.set(3_000_900);
        a.put("note", "n-1", "{\"text\":\"alice later\"}");
        clockB.set(3_000_100);
        b.put("note", "n-1", "{\"text\":\"bob earlier\"}");

        syncA.syncOnce();
        SharedStateSync.Report bReport = syncB.syncOnce(); // Bob's push finds Alice's later change: Bob loses
        assertEquals(1, bReport.conflicts());
        syncA.syncOnce();

        for (SharedObjectStore s : List.of(a, b)) {
            assertEquals("{\"text\":\"alice later\"}", s.get("note", "n-1").orElseThrow().body());
        }
        assertEquals("alice@ws1", b.get("note", "n-1").orElseThrow().overwrittenBy());
        assertFalse(a.get("note", "n-1").orElseThrow().wasOverwritten());
    }

    @Test
    void sameTimeTiesBreakByOriginTheSameWayEverywhere() {
        a.put("tag", "t", "{\"v\":0}");
        syncA.syncOnce();
        syncB.syncOnce();
        clockA.set(5_000_000);
        clockB.set(5_000_000);
        a.put("tag", "t", "{\"v\":\"alice\"}");
        b.put("tag", "t", "{\"v\":\"bob\"}");
        syncB.syncOnce();
        syncA.syncOnce();
        syncB.syncOnce();
        // "bob@ws2" > "alice@ws1"
        assertEquals("{\"v\":\"bob\"}", a.get("tag", "t").orElseThrow().body());
        assertEquals("{\"v\":\"bob\"}", b.get("tag", "t").orElseThrow().body());
        assertEquals("bob@ws2", a.get("tag", "t").orElseThrow().overwrittenBy());
    }

    @Test
    void twoCachesEditingAndSyncingConcurrentlyConverge() throws Exception {
        // Real clocks here, and both sides write and sync at the same time on their own threads.
        SharedObjectStore ra = new SharedObjectStore(cacheA.dataSource(), "alice@ws1");
        SharedObjectStore rb = new SharedObjectStore(cacheB.dataSource(), "bob@ws2");
        PgTarget target = PgTarget.parse(PG.url());
        SharedStateSync sa = new SharedStateSync(ra, cacheA.dataSource(), target);
        SharedStateSync sb = new SharedStateSync(rb, cacheB.dataSource(), target);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (SharedObjectStore store : List.of(ra, rb)) {
                work.add(pool.submit(() -> {
                    Random random = new Random(store.origin().hashCode());
                    for (int i = 0; i < 300; i++) {
                        String id = "obj-" + random.nextInt(12);
                        if (random.nextInt(10) == 0) {
                            store.delete("rule", id);
                        } else {
                            store.put("rule", id, "{\"by\":\"" + store.origin() + "\",\"i\":" + i + "}");
                        }
                    }
                    return null;
                }));
            }
            for (SharedStateSync sync : List.of(sa, sb)) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        sync.syncOnce();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // Quiesce: two rounds each settle every remaining pending change and its conflict.
        for (int i = 0; i < 2; i++) {
            sa.syncOnce();
            sb.syncOnce();
        }
        Map<String, String> onA = bodies(ra);
        Map<String, String> onB = bodies(rb);
        assertEquals(onA, onB, "both caches hold the same state");
        assertTrue(ra.list("rule").stream().noneMatch(SharedObject::pending));
        assertTrue(rb.list("rule").stream().noneMatch(SharedObject::pending));
    }

    private static Map<String, String> bodies(SharedObjectStore s) {
        Map<String, String> out = new TreeMap<>();
        for (SharedObject o : s.list("rule")) {
            out.put(o.id(), o.body());
        }
        return out;
    }
}
