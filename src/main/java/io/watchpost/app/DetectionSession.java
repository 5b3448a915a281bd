package io.watchpost.app;

import io.watchpost.detect.Backtester;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleSources;
import io.watchpost.detect.UserRules;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.detect.alerts.AlertingSink;
import io.watchpost.detect.alerts.LiveDetection;
import io.watchpost.source.IngestEngine;
import io.watchpost.store.Cache;
import io.watchpost.store.ExplorerServices;
import io.watchpost.store.RollupQueries;
import io.watchpost.store.RollupUpdater;
import io.watchpost.store.TeamState;
import io.watchpost.ui.Workbench;
import io.watchpost.ui.sync.TeamSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What runs beside ingestion on every event the cache stores: detection (the built-in rule pack plus the user's
 * rules, alerts saved in the cache) and the dashboard's rollups. The features whose state the team shares (user
 * rules, alert triage, the Explorer's tags, notes and saved searches) are built here once, on one {@link TeamState}.
 */
final class DetectionSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionSession.class);

    private final DetectionEngine engine;
    private final AlertStore alerts;
    private final AlertingSink sink;
    private final LiveDetection live;
    private final UserRules userRules;
    private final ExplorerServices explorer;
    private final Cache cache;
    private final RollupUpdater rollups;

    DetectionSession(Cache cache, Path userRulesDir, TeamState team) {
        this.cache = cache;
        engine = new DetectionEngine(RuleSources.builtIn().rules());
        userRules = new UserRules(userRulesDir, engine, team);
        RuleSources.Loaded mine = userRules.load();
        mine.problems().forEach(p -> LOG.warn("rule file {} not loaded: {}", p.file(), p.problem().getMessage()));
        List<Rule> rules = new ArrayList<>(engine.rules());
        rules.addAll(mine.rules());
        engine.replaceRules(rules);
        alerts = new AlertStore(cache.dataSource(), Clock.systemUTC(), team);
        explorer = ExplorerServices.of(cache, team);
        sink = new AlertingSink(engine, alerts);
        live = new LiveDetection(cache.events(), sink, 0, Duration.ofSeconds(1));
        rollups = new RollupUpdater(cache, Duration.ofSeconds(1));
    }

    /** {@code sync}: the Team sync tab's connection, or null where the cache is never synced (the demo). */
    Workbench workbench(IngestEngine ingest, TeamSync sync) {
        return new Workbench(ingest, engine, alerts, sink, Backtester.over(cache.dataSource()), userRules,
                new RollupQueries(cache), explorer, sync);
    }

    @Override
    public void close() {
        live.close();
        rollups.close();
    }
}
