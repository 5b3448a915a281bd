package io.watchpost.ui;

import io.watchpost.detect.Backtester;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.detect.alerts.AlertingSink;
import io.watchpost.source.IngestEngine;
import io.watchpost.store.ExplorerServices;
import io.watchpost.store.RollupQueries;
import io.watchpost.sync.SyncStatus;

import java.util.function.Supplier;

import java.nio.file.Path;

/**
 * What the workbench tabs beyond the live view need: the ingest engine the Sources tab drives, the running detection
 * engine the Rules tab edits live, the alert store and sink the Alerts tab triages and refreshes from, and the
 * backtester that runs a rule over the cache, the rollups the Dashboard charts, the Explorer's queries, and the
 * team sync's status ({@code syncStatus} and {@code syncTarget} null when no sync is configured). Views hold these core objects, never the database.
 */
public record Workbench(IngestEngine ingest, DetectionEngine detection, AlertStore alerts, AlertingSink alertSink,
                        Backtester backtester, Path userRulesDir,
                        RollupQueries rollups, ExplorerServices explorer,
                        Supplier<SyncStatus> syncStatus, String syncTarget) {
}
