package io.watchpost.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local H2 event cache: one file per cache, schema owned by Flyway ({@code db/h2} migrations).
 * Opening it migrates it; only one process may hold a cache file at a time (H2's file lock).
 */
public final class Cache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Cache.class);

    static {
        prepareH2();
    }

    /**
     * JVM-wide H2 settings; they are read once, when H2 first loads, so an entry point that may touch H2 before the
     * cache (the bench's baselines) calls this first. H2 interns every string it binds through a cache indexed by
     * the string's hash. Ours are mostly long and unique (raw events, their fields), so that cache never hits, and
     * hashing them cost about a tenth of the ingest path in profiles.
     */
    public static void prepareH2() {
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private final HikariDataSource dataSource;
    private final EventStore events;
    private final ScheduledExecutorService governorTimer;

    private Cache(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.events = new EventStore(dataSource);
        PageCacheGovernor governor = new PageCacheGovernor(events::storedTotal, this::resizePageCache, System.nanoTime());
        this.governorTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchpost-cache-governor");
            t.setDaemon(true);
            return t;
        });
        governorTimer.scheduleAtFixedRate(() -> tickQuietly(governor), 1, 1, TimeUnit.SECONDS);
    }

    private static void tickQuietly(PageCacheGovernor governor) {
        try {
            governor.tick(System.nanoTime());
        } catch (RuntimeException e) {
            // a failed resize leaves the cache as it was; the next change of load tries again
            LOG.warn("could not resize the cache's page cache: {}", e.getMessage());
        }
    }

    /** Sets H2's page cache size for the open database; the URL's CACHE_SIZE restores the full size at the next open. */
    void resizePageCache(int kb) {
        // SET takes no parameters; kb is one of PageCacheGovernor's constants, never input.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET CACHE_SIZE " + kb);
        } catch (SQLException e) {
            throw new StoreException("could not set the page cache to " + kb + " KB", e);
        }
        LOG.info("page cache set to {} MB ({})", kb / 1024, kb < PageCacheGovernor.FULL_KB ? "ingest is flooding" : "ingest calmed");
    }

    /** Opens (creating and migrating when needed) the cache at {@code file}; H2 appends ".mv.db" to it. */
    public static Cache open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        if (name.endsWith(".mv.db")) {
            absolute = absolute.resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
        }
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cache directory " + absolute.getParent(), e);
        }
        HikariConfig config = new HikariConfig();
        // DB_CLOSE_ON_EXIT=FALSE: we close the pool ourselves, so a shutdown hook of H2's cannot close it under a writer.
        config.setJdbcUrl("jdbc:h2:file:" + absolute + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=20000;CACHE_SIZE="
                + PageCacheGovernor.FULL_KB);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setPoolName("watchpost-cache");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/h2").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Cache(ds);
    }

    public EventStore events() {
        return events;
    }

    /** For parts that keep their own tables in the cache (sync state, later rules and alerts). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        governorTimer.shutdownNow();
        dataSource.close();
    }
}
