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

    private Cache(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.events = new EventStore(dataSource);
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
        // CACHE_SIZE (KB): keep it large and fixed. A 16 MB cache ingests no faster, within the bench's noise, and
        // H2's page cache is load-bearing. A page whose chunk is still being serialized is found only in the cache;
        // once evicted, a reader looks for it in the file, past its end. A cache shrunk during a flood (SET
        // CACHE_SIZE also clears it) made the Explorer fail with "Reading from file ... failed" (ExplorerScrollTest,
        // issue 8 note). H2's own write buffer (a chunk per 19 MB of its unsaved-memory estimate) stays as
        // shipped: raised to 64 MB through reflection it cut the CPU per ingested event by a fifth, but
        // KillDuringBackfillTest then found the cache corrupt on reopen after a SIGKILL, once in three CI runs.
        // A cache that survives a kill comes first.
        config.setJdbcUrl("jdbc:h2:file:" + absolute + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=20000;CACHE_SIZE=131072");
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
        try {
            events.saveHeldEvents(); // else the next open reads back the keys stored since the last save
        } catch (StoreException e) {
            // only a shortcut for the next open, which then reads the keys back from the rows: no cause to fail close
            LOG.warn("the filter of held events was not saved: {}", e.getMessage());
        } finally {
            dataSource.close();
        }
    }
}
