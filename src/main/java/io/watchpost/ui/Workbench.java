package io.watchpost.ui;

import io.watchpost.detect.Backtester;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.UserRules;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.detect.alerts.AlertingSink;
import io.watchpost.source.IngestEngine;
import io.watchpost.store.ExplorerServices;
import io.watchpost.store.RollupQueries;
import io.watchpost.ui.sync.TeamSync;

/**
 * What the workbench tabs beyond the live view need: the ingest engine the Sources tab drives, the running detection
 * engine the Rules tab edits live, the alert store and sink the Alerts tab triages and refreshes from, and the
 * backtester that runs a rule over the cache, the user's rules, the rollups the Dashboard charts, the Explorer's
 * queries, and the team sync ({@code teamSync} null where the cache is never synced: no Team sync tab). Views hold
 * these core objects, never the database.
 */
public record Workbench(IngestEngine ingest, DetectionEngine detection, AlertStore alerts, AlertingSink alertSink,
                        Backtester backtester, UserRules userRules,
                        RollupQueries rollups, ExplorerServices explorer, TeamSync teamSync) {
}
