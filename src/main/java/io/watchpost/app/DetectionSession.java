package io.watchpost.app;

import io.watchpost.detect.Backtester;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleSources;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.detect.alerts.AlertingSink;
import io.watchpost.detect.alerts.LiveDetection;
import io.watchpost.source.IngestEngine;
import io.watchpost.store.Cache;
import io.watchpost.store.ExplorerServices;
import io.watchpost.store.RollupQueries;
import io.watchpost.store.RollupUpdater;
import io.watchpost.ui.Workbench;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What runs beside ingestion on every event the cache stores: detection (the built-in rule pack plus the user's
 * rules, alerts saved in the cache) and the dashboard's rollups.
 */
final class DetectionSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionSession.class);

    private final DetectionEngine engine;
    private final AlertStore alerts;
    private final AlertingSink sink;
    private final LiveDetection live;
    private final Path userRulesDir;
    private final Cache cache;
    private final RollupUpdater rollups;

    DetectionSession(Cache cache, Path userRulesDir) {
        this.cache = cache;
        this.userRulesDir = userRulesDir;
        List<Rule> rules = new ArrayList<>(RuleSources.builtIn().rules());
        if (Files.isDirectory(userRulesDir)) {
            RuleSources.Loaded mine = RuleSources.directory(userRulesDir);
            mine.problems().forEach(p -> LOG.warn("rule file {} not loaded: {}", p.file(), p.problem().getMessage()));
            rules.addAll(mine.rules());
        }
        engine = new DetectionEngine(rules);
        alerts = new AlertStore(cache.dataSource());
        sink = new AlertingSink(engine, alerts);
        live = new LiveDetection(cache.events(), sink, 0, Duration.ofSeconds(1));
        rollups = new RollupUpdater(cache, Duration.ofSeconds(1));
    }

    Workbench workbench(IngestEngine ingest, Optional<SyncSession> sync) {
        return new Workbench(ingest, engine, alerts, sink, Backtester.over(cache.dataSource()), userRulesDir,
                new RollupQueries(cache), ExplorerServices.of(cache), sync.map(SyncSession::status).orElse(null),
                sync.map(SyncSession::describeTarget).orElse(null));
    }

    @Override
    public void close() {
        live.close();
        rollups.close();
    }
}
