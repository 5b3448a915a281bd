package io.watchpost.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageCacheGovernorTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong stored = new AtomicLong();
    private final List<Integer> resizes = new ArrayList<>();
    private long now = 0;
    private final PageCacheGovernor governor = new PageCacheGovernor(stored::get, resizes::add, now);

    /** One second in which {@code events} were stored. */
    private void second(long events) {
        stored.addAndGet(events);
        now += SECOND;
        governor.tick(now);
    }

    @Test
    void shrinksWhenIngestFloodsAndGrowsBackOnlyAfterItStaysCalm() {
        second(2_000);
        assertEquals(List.of(), resizes, "live following at a normal rate keeps the full cache");

        second(40_000);
        assertEquals(List.of(PageCacheGovernor.FLOOD_KB), resizes);
        assertTrue(governor.flooded());

        // A dip inside the backfill (a slow page, a throttle) and back: no resize either way.
        for (int i = 0; i < PageCacheGovernor.CALM_TICKS - 1; i++) {
            second(1_000);
        }
        second(40_000);
        assertEquals(List.of(PageCacheGovernor.FLOOD_KB), resizes);

        for (int i = 0; i < PageCacheGovernor.CALM_TICKS; i++) {
            second(0);
        }
        assertEquals(List.of(PageCacheGovernor.FLOOD_KB, PageCacheGovernor.FULL_KB), resizes);
        assertFalse(governor.flooded());
    }

    @Test
    void betweenCalmAndFloodNothingChanges() {
        second(40_000);
        for (int i = 0; i < 3 * PageCacheGovernor.CALM_TICKS; i++) {
            second(10_000); // under the flood line but over the calm one: still busy, stay small
        }
        assertEquals(List.of(PageCacheGovernor.FLOOD_KB), resizes);
    }

    @Test
    void theCacheResizesH2sPageCacheAndReopensAtFullSize() throws SQLException {
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            assertEquals(PageCacheGovernor.FULL_KB / 1024, cacheMaxMegabytes(cache));
            cache.resizePageCache(PageCacheGovernor.FLOOD_KB);
            assertEquals(PageCacheGovernor.FLOOD_KB / 1024, cacheMaxMegabytes(cache));
        }
        // SET CACHE_SIZE is persistent in H2, but the URL's setting wins at open: a crash while flooding costs nothing.
        try (Cache cache = Cache.open(dir.resolve("cache"))) {
            assertEquals(PageCacheGovernor.FULL_KB / 1024, cacheMaxMegabytes(cache));
        }
    }

    private static long cacheMaxMegabytes(Cache cache) throws SQLException {
        try (Connection c = cache.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return Long.parseLong(rs.getString(1));
        }
    }
}
