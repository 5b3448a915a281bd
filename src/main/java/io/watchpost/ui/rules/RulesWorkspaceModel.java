package io.watchpost.ui.rules;

import io.watchpost.detect.Backtest;
import io.watchpost.detect.Backtester;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleFormatException;
import io.watchpost.detect.RuleSources;
import io.watchpost.detect.RuleTest;
import io.watchpost.detect.RuleTestRunner;
import io.watchpost.detect.RuleYaml;
import io.watchpost.detect.UserRules;
import io.watchpost.store.TeamState;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.common.CoalescedReload;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds {@link RulesWorkspace}: the rules (built-in pack and the user rules directory, a user file overriding the
 * built-in rule with its id), the editor text validated as it is typed, the selected rule's test cases, a backtest
 * over the cache, and enable/disable/save applied to the live engine. Parsing, tests, backtests and file writes run
 * on one background thread; results come back with {@code Platform.runLater}. All public methods are for the FX
 * thread.
 */
public final class RulesWorkspaceModel {

    static final long VALIDATE_DELAY_MILLIS = 250;
    /** Few enough that the bucket labels stay readable in the chart's width. */
    static final int BUCKETS = 12;
    static final String NEW_RULE = """
            id: user.new-rule
            title: New rule
            description: What this rule detects and why it matters.
            severity: medium
            tags: []
            enabled: false
            kind: match
            filter: "sourceType = cloudtrail and eventName = ConsoleLogin"
            tests:
              - name: fires on a console login
                expect: fire
                events:
                  - logGroup: /aws/cloudtrail
                    message: '{"eventVersion":"1.08","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","eventTime":"2025-11-24T08:00:00Z"}'
            """;

    private final DetectionEngine engine;
    private final UserRules userRules;
    private final Backtester backtester;
    private final TeamState.Subscription teamChanges;
    private final ScheduledExecutorService background = BackgroundExecutors.singleThread("watchpost-rules");
    private final CoalescedReload reload = new CoalescedReload(background, this::reloadRules);
    /** Only the newest edit's validation may land: older ones finishing late are dropped. */
    private final AtomicLong edits = new AtomicLong();
    private ScheduledFuture<?> pendingValidation;

    private final ObservableList<RuleEntry> rules = FXCollections.observableArrayList();
    private final ObjectProperty<RuleEntry> selected = new SimpleObjectProperty<>();
    private final StringProperty editorText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<RuleValidation> validation = new ReadOnlyObjectWrapper<>(RuleValidation.PENDING);
    private final ObservableList<TestCaseRow> tests = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper testSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Backtest.Result> backtest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * @param engine       the running engine that enable/disable/save change ({@code putRule}, {@code setEnabled})
     * @param userRulesDir where the analyst's rules are read and saved (created on first save)
     * @param backtester   runs a rule over the event cache
     */
    public RulesWorkspaceModel(DetectionEngine engine, Path userRulesDir, Backtester backtester) {
        this(engine, new UserRules(userRulesDir, engine, TeamState.LOCAL_ONLY), backtester);
    }

    /**
     * @param userRules the analyst's rules directory, shared with the team: a rule another workstation saved reloads
     *                  the list, and a rule whose local edit lost to another's is marked until acknowledged
     */
    public RulesWorkspaceModel(DetectionEngine engine, UserRules userRules, Backtester backtester) {
        this.engine = engine;
        this.userRules = userRules;
        this.backtester = backtester;
        teamChanges = userRules.team().subscribe(UserRules.KIND, (id, body, deleted) -> load());
        editorText.addListener((obs, old, text) -> scheduleValidation(text));
        selected.addListener((obs, old, entry) -> {
            // a different rule replaces the editor's text; the same text (after a save or toggle) is left alone
            if (entry != null && !entry.rule().source().equals(editorText.get())) {
                editorText.set(entry.rule().source());
                backtest.set(null);
            }
        });
    }

    /**
     * Loads the rule list in the background; the first rule is selected when none is. A burst of calls (the team's
     * rules arriving one by one) loads it once or twice; after the workspace closed it does nothing.
     */
    public void load() {
        reload.request();
    }

    private void reloadRules() {
        List<RuleEntry> loaded = readRules();
        Platform.runLater(() -> {
            if (background.isShutdown()) {
                return; // closed while the rules were read: nothing left to show them in
            }
            RuleEntry keep = selected.get();
            rules.setAll(loaded);
            if (keep == null && !loaded.isEmpty()) {
                selected.set(loaded.get(0));
            } else if (keep != null && keep.rule().source().equals(editorText.get())) {
                // reloaded after a team change: show the rule as it is now, unless the editor holds unsaved edits
                loaded.stream().filter(e -> e.rule().id().equals(keep.rule().id())).findFirst().ifPresent(selected::set);
            }
        });
    }

    private List<RuleEntry> readRules() {
        Map<String, Boolean> live = new LinkedHashMap<>();
        engine.rules().forEach(r -> live.put(r.id(), r.enabled()));
        Map<String, TeamState.Overwrite> overwrites = userRules.team().overwrites(UserRules.KIND);
        Map<String, RuleEntry> byId = new LinkedHashMap<>();
        for (Rule r : RuleSources.builtIn().rules()) {
            byId.put(r.id(), new RuleEntry(r, RuleEntry.Origin.BUILT_IN, null, live.getOrDefault(r.id(), r.enabled())));
        }
        for (Rule r : userRules.load().rules()) {
            byId.put(r.id(), new RuleEntry(r, RuleEntry.Origin.USER, userRules.file(r.id()),
                    live.getOrDefault(r.id(), r.enabled()), overwrites.get(r.id())));
        }
        return new ArrayList<>(byId.values());
    }

    /** The user saw that the selected rule's edit was overwritten by another workstation's: clears the marker. */
    public void acknowledgeOverwrite() {
        RuleEntry entry = selected.get();
        if (entry == null || entry.overwrite() == null) {
            return;
        }
        background.execute(() -> {
            userRules.team().acknowledge(UserRules.KIND, entry.rule().id());
            Platform.runLater(() -> replaceEntry(entry.withOverwrite(null)));
        });
    }

    private void scheduleValidation(String text) {
        if (background.isShutdown()) {
            return;
        }
        long edit = edits.incrementAndGet();
        if (pendingValidation != null) {
            pendingValidation.cancel(false);
        }
        validation.set(RuleValidation.PENDING);
        pendingValidation = background.schedule(() -> {
            RuleValidation v = validate(text);
            Platform.runLater(() -> {
                if (edits.get() == edit) {
                    validation.set(v);
                    showTestCases(v);
                }
            });
        }, VALIDATE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    static RuleValidation validate(String text) {
        try {
            return new RuleValidation(RuleYaml.parse(text), null, 0, 0);
        } catch (RuleFormatException e) {
            return new RuleValidation(null, e.problem(), e.line(), e.column());
        } catch (RuntimeException e) {
            return new RuleValidation(null, String.valueOf(e.getMessage()), 0, 0);
        }
    }

    private void showTestCases(RuleValidation v) {
        if (!v.valid()) {
            return; // keep the last good list while the text is broken
        }
        List<TestCaseRow> rows = new ArrayList<>();
        for (RuleTest t : v.rule().tests()) {
            rows.add(new TestCaseRow(t.name(), null, ""));
        }
        tests.setAll(rows);
        testSummary.set(rows.isEmpty() ? "no test cases" : rows.size() + " test case(s), not run");
    }

    /** Runs the editor's rule's test cases (when the text is valid). */
    public void runTests() {
        Rule rule = validation.get().rule();
        if (rule == null) {
            status.set("fix the rule before running its tests");
            return;
        }
        busy.set(true);
        background.execute(() -> {
            List<RuleTestRunner.Result> results = RuleTestRunner.run(rule);
            Platform.runLater(() -> {
                busy.set(false);
                List<TestCaseRow> rows = results.stream()
                        .map(r -> new TestCaseRow(r.test(), r.passed(), r.detail())).toList();
                tests.setAll(rows);
                long passed = rows.stream().filter(r -> Boolean.TRUE.equals(r.passed())).count();
                testSummary.set(passed + " passed, " + (rows.size() - passed) + " failed");
            });
        });
    }

    /** Runs the editor's rule over the whole cache (it does not need to be enabled or saved). */
    public void runBacktest() {
        Rule rule = validation.get().rule();
        if (rule == null) {
            status.set("fix the rule before backtesting it");
            return;
        }
        busy.set(true);
        status.set("backtesting " + rule.id() + " …");
        background.execute(() -> {
            try {
                Backtest.Result r = backtester.run(rule, BUCKETS, 50);
                Platform.runLater(() -> {
                    busy.set(false);
                    backtest.set(r);
                    status.set("backtest: " + r.firings() + " hits in " + r.alerts() + " alerts over "
                            + r.eventsScanned() + " events");
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    busy.set(false);
                    status.set("backtest failed: " + e.getMessage());
                });
            }
        });
    }

    /**
     * Saves the editor's text as the user's file {@code <id>.yml} (a built-in rule edited becomes a user override)
     * and puts the rule into the live engine.
     */
    public void save() {
        Rule rule = validation.get().rule();
        if (rule == null) {
            status.set("not saved: " + validation.get().message());
            return;
        }
        background.execute(() -> {
            try {
                Path file = userRules.save(rule);
                Platform.runLater(() -> {
                    RuleEntry entry = new RuleEntry(rule, RuleEntry.Origin.USER, file, rule.enabled());
                    replaceEntry(entry);
                    status.set("saved " + file.getFileName() + " and applied to the running engine");
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.set("not saved: " + e.getMessage()));
            }
        });
    }

    /** Turns the selected rule on or off in the live engine (adding it there if the engine does not have it). */
    public void setEnabled(boolean on) {
        RuleEntry entry = selected.get();
        if (entry == null) {
            return;
        }
        background.execute(() -> {
            if (engine.rules().stream().anyMatch(r -> r.id().equals(entry.rule().id()))) {
                engine.setEnabled(entry.rule().id(), on);
            } else {
                engine.putRule(entry.rule().withEnabled(on));
            }
            Platform.runLater(() -> {
                replaceEntry(new RuleEntry(entry.rule().withEnabled(on), entry.origin(), entry.file(), on,
                        entry.overwrite()));
                status.set(entry.rule().id() + (on ? " enabled" : " disabled") + " in the running engine");
            });
        });
    }

    /** Starts a new user rule from a template. */
    public void newRule() {
        selected.set(null);
        editorText.set(NEW_RULE);
        backtest.set(null);
    }

    private void replaceEntry(RuleEntry entry) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).rule().id().equals(entry.rule().id())) {
                rules.set(i, entry);
                selectQuietly(entry);
                return;
            }
        }
        rules.add(entry);
        selectQuietly(entry);
    }

    /** Selects the saved or toggled entry; its source is the editor's text, so the editor and backtest stay. */
    private void selectQuietly(RuleEntry entry) {
        selected.set(entry);
    }

    /** The character offset of a 1-based line and column in {@code text}, clamped to the text. */
    public static int offsetOf(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset < text.length(); l++) {
            int nl = text.indexOf('\n', offset);
            if (nl < 0) {
                return text.length();
            }
            offset = nl + 1;
        }
        return Math.min(text.length(), offset + Math.max(0, column - 1));
    }

    public void shutdown() {
        teamChanges.close();
        background.shutdownNow();
    }

    public ObservableList<RuleEntry> rules() {
        return rules;
    }

    public ObjectProperty<RuleEntry> selectedProperty() {
        return selected;
    }

    public StringProperty editorTextProperty() {
        return editorText;
    }

    public ReadOnlyObjectProperty<RuleValidation> validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ObservableList<TestCaseRow> tests() {
        return tests;
    }

    public ReadOnlyStringProperty testSummaryProperty() {
        return testSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Backtest.Result> backtestProperty() {
        return backtest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
