package io.watchpost.ui.explorer;

import io.watchpost.background.BackgroundThreads;
import io.watchpost.normalize.Event;
import io.watchpost.store.EventExplorer;
import io.watchpost.store.EventKey;
import io.watchpost.store.ExplorerServices;
import io.watchpost.store.Histogram;
import io.watchpost.store.HistogramSplit;
import io.watchpost.store.InvestigationStore;
import io.watchpost.store.ResultPages;
import io.watchpost.store.SavedSearch;
import io.watchpost.store.TeamState;
import io.watchpost.store.SortOrder;
import io.watchpost.store.SqlWhere;
import io.watchpost.store.StoredEvent;
import io.watchpost.store.TimeRange;
import io.watchpost.store.ValueCount;
import io.watchpost.ui.common.BackgroundExecutors;
import io.watchpost.ui.common.CoalescedReload;
import io.watchpost.ui.events.EventDetail;
import io.watchpost.ui.events.EventRow;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One Explorer tab's state and queries. Everything public is called and observed on the FX thread; the database is
 * only read on this tab's threads: one for queries (a newer query supersedes an older one: each carries a generation
 * number and stale ones neither run nor publish), one for lookups that must not wait behind a slow query (the
 * selected event's detail, tags and notes, autocomplete values).
 */
public final class ExplorerViewModel {

    public static final int PAGE_SIZE = 500;
    /**
     * The most pages a tab keeps while scrolling (20,000 rows, at ~2 KB a row ~40 MB), whatever the result's size: the
     * table spans the whole result and reads the pages it shows, letting the least recently shown go.
     */
    public static final int MAX_PAGES = 40;
    static final int SIDEBAR_VALUES = 5;
    static final int SUGGESTIONS = 12;

    private final EventExplorer explorer;
    private final InvestigationStore investigations;
    private final ExecutorService queries = BackgroundExecutors.singleThread("explorer-query");
    private final ExecutorService lookups = BackgroundExecutors.singleThread("explorer-lookup");
    /** Saved searches arrive from the team one by one: a burst rereads the lists once or twice. */
    private final CoalescedReload historyAndSavedSearches = new CoalescedReload(lookups, () -> {
        publishHistory();
        publishSavedSearches();
    });
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong selection = new AtomicLong();
    private final Supplier<Long> clock;

    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<FilterCheck> filterCheck = new ReadOnlyObjectWrapper<>(FilterCheck.of(""));
    private final ObjectProperty<RangeChoice> range = new SimpleObjectProperty<>(RangeChoice.of(TimePreset.ALL_CACHED));
    private final ReadOnlyObjectWrapper<TimeRange> resolvedRange = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<SortOrder> order = new SimpleObjectProperty<>(SortOrder.NEWEST_FIRST);
    private final ObjectProperty<HistogramSplit> split = new SimpleObjectProperty<>(HistogramSplit.SEVERITY);
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final PageLoader pageLoader = new PageLoader(Platform::runLater, this::pageFailed);
    private final ReadOnlyObjectWrapper<ResultRows> rows = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FieldSummary> fieldSummaries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<SavedSearch> savedSearches = FXCollections.observableArrayList();
    /** Saved searches whose edit here lost to another workstation's, by name. */
    private final ObservableMap<String, TeamState.Overwrite> savedSearchOverwrites = FXCollections.observableHashMap();
    private final List<TeamState.Subscription> teamChanges;
    private final ReadOnlyObjectWrapper<EventRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<EventDetail> detail = new ReadOnlyObjectWrapper<>(EventDetail.EMPTY);
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    /** Flattened-field keys seen in results, for autocomplete; read from the completion thread. */
    private final Set<String> seenKeys = ConcurrentHashMap.newKeySet();
    /** Autocomplete values per field for the current range; cleared by each new result. */
    private final Map<String, List<ValueCount>> valueCache = new ConcurrentHashMap<>();

    private volatile ExplorerQuery current;

    public ExplorerViewModel(ExplorerServices services, Search search) {
        this(services, search, System::currentTimeMillis);
    }

    ExplorerViewModel(ExplorerServices services, Search search, Supplier<Long> clock) {
        this.explorer = services.explorer();
        this.investigations = services.investigations();
        this.clock = clock;
        // the team's changes land in the store on the sync's thread: show them
        TeamState team = investigations.team();
        teamChanges = List.of(
                team.subscribe(InvestigationStore.SAVED_SEARCH, (id, body, deleted) -> refreshHistoryAndSavedSearches()),
                team.subscribe(InvestigationStore.TAG, (id, body, deleted) -> rereadSelected()),
                team.subscribe(InvestigationStore.NOTE, (id, body, deleted) -> rereadSelected()));
        rows.set(new ResultRows(ResultPages.empty(explorer), SortOrder.NEWEST_FIRST, PAGE_SIZE, MAX_PAGES, List.of(),
                pageLoader));
        filterText.addListener((obs, old, text) -> filterCheck.set(FilterCheck.of(text)));
        filterText.set(search.filterText());
        range.set(search.range());
        refreshHistoryAndSavedSearches();
    }

    // ---- queries -------------------------------------------------------------------------------------------------

    /** Runs the current filter and range; false (and nothing runs) when the filter does not parse. */
    public boolean run() {
        FilterCheck check = filterCheck.get();
        if (!check.valid()) {
            return false;
        }
        long gen = generation.incrementAndGet();
        RangeChoice choice = range.get();
        SortOrder sortOrder = order.get();
        HistogramSplit histogramSplit = split.get();
        busy.set(true);
        status.set("Searching…");
        execute(queries, () -> runInBackground(gen, check, choice, sortOrder, histogramSplit));
        return true;
    }

    /** Runs and remembers the filter in the history: what Enter does. */
    public boolean submit() {
        boolean ran = run();
        String text = filterText.get();
        if (ran && !text.isBlank()) {
            execute(lookups, () -> {
                investigations.rememberFilter(text);
                publishHistory();
            });
        }
        return ran;
    }

    private void runInBackground(long gen, FilterCheck check, RangeChoice choice, SortOrder sortOrder,
                                 HistogramSplit histogramSplit) {
        if (stale(gen)) {
            return; // a newer query was queued behind this one: skip straight to it
        }
        long started = System.nanoTime();
        try {
            TimeRange r = choice.resolve(clock.get(), explorer::fullRange);
            ExplorerQuery query = new ExplorerQuery(gen, check.text(), check.where(), r, sortOrder, histogramSplit);
            io.watchpost.store.ExplorerView view = explorer.open(check.where(), r, sortOrder, PAGE_SIZE, histogramSplit);
            List<EventRow> first = view.firstPage().events().stream().map(EventRow::of).toList();
            Set<String> keys = new TreeSet<>();
            for (StoredEvent stored : view.firstPage().events()) {
                keys.addAll(stored.event().fields().keySet());
            }
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            ResultPages pages = new ResultPages(explorer, check.where(), r, view.histogram());
            ExplorerResult result = new ExplorerResult(query, view.count(), view.histogram(), first, pages, keys,
                    elapsed);
            Platform.runLater(() -> apply(result));
            // The sidebar's top values are exact GROUP BYs over the whole result: on millions of events they take
            // longer than the page, so they follow as one second hand-over instead of holding the table back.
            List<FieldSummary> fields = new ArrayList<>();
            for (String field : FieldCatalog.SIDEBAR) {
                if (stale(gen)) {
                    return;
                }
                fields.add(new FieldSummary(field, explorer.topValues(check.where(), r, field, SIDEBAR_VALUES)));
            }
            Platform.runLater(() -> {
                if (!stale(gen)) {
                    fieldSummaries.setAll(fields);
                }
            });
        } catch (RuntimeException e) {
            String problem = e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage());
            Platform.runLater(() -> {
                if (!stale(gen)) {
                    busy.set(false);
                    status.set("Query failed: " + problem);
                }
            });
        }
    }

    private void apply(ExplorerResult result) {
        if (stale(result.query().generation())) {
            return;
        }
        current = result.query();
        valueCache.clear();
        seenKeys.addAll(result.seenKeys());
        resolvedRange.set(result.query().range());
        histogram.set(result.histogram());
        count.set(result.count());
        pageLoader.clear();
        rows.set(new ResultRows(result.pages(), result.query().order(), PAGE_SIZE, MAX_PAGES, result.firstRows(),
                pageLoader));
        busy.set(false);
        status.set(String.format(Locale.ROOT, "in %d ms", result.elapsedMillis()));
    }

    private boolean stale(long gen) {
        return generation.get() != gen;
    }

    private void pageFailed(String problem) {
        status.set(problem);
    }

    // ---- pivots --------------------------------------------------------------------------------------------------

    public void setRange(RangeChoice choice) {
        range.set(choice);
        run();
    }

    public void filterFor(String field, String value) {
        filterText.set(FilterEdits.filterFor(filterText.get(), field, value));
        submit();
    }

    public void filterOut(String field, String value) {
        filterText.set(FilterEdits.filterOut(filterText.get(), field, value));
        submit();
    }

    /** The current search narrowed to one value: what "open in a new tab" starts with. */
    public Search narrowedTo(String field, String value) {
        return new Search(FilterEdits.filterFor(filterText.get(), field, value), range.get());
    }

    /** Every event with this field value within ±{@code minutes} of {@code around}, whatever the current filter. */
    public static Search around(String field, String value, Event around, int minutes) {
        long t = around.eventTime().toEpochMilli();
        long margin = minutes * 60_000L;
        return new Search(FilterEdits.equalsCondition(field, value), RangeChoice.between(t - margin, t + margin + 1));
    }

    public Search currentSearch() {
        return new Search(filterText.get(), range.get());
    }

    // ---- selection, tags, notes -----------------------------------------------------------------------------------

    public void select(EventRow shown) {
        // A row whose page is still on its way has no event behind it: nothing to show yet.
        EventRow row = shown == null || shown.source() == null ? null : shown;
        selected.set(row);
        long sel = selection.incrementAndGet();
        if (row == null) {
            detail.set(EventDetail.EMPTY);
            tags.clear();
            note.set("");
            return;
        }
        EventKey key = EventKey.of(row.source().event());
        execute(lookups, () -> {
            EventDetail d = EventDetail.of(row.source());
            List<String> t = investigations.tags(key);
            String n = investigations.note(key).orElse("");
            Platform.runLater(() -> {
                if (selection.get() == sel) {
                    detail.set(d);
                    tags.setAll(t);
                    note.set(n);
                }
            });
        });
    }

    public void addTag(String tag) {
        editSelected(key -> investigations.addTag(key, tag));
    }

    public void removeTag(String tag) {
        editSelected(key -> investigations.removeTag(key, tag));
    }

    public void saveNote(String text) {
        editSelected(key -> investigations.setNote(key, text));
    }

    /** Re-reads the selected event's tags and note (another workstation changed some); any thread. */
    private void rereadSelected() {
        Platform.runLater(() -> editSelected(key -> { }));
    }

    private void editSelected(Consumer<EventKey> edit) {
        EventRow row = selected.get();
        if (row == null) {
            return;
        }
        EventKey key = EventKey.of(row.source().event());
        long sel = selection.get();
        execute(lookups, () -> {
            edit.accept(key);
            List<String> t = investigations.tags(key);
            String n = investigations.note(key).orElse("");
            Platform.runLater(() -> {
                if (selection.get() == sel) {
                    tags.setAll(t);
                    note.set(n);
                }
            });
        });
    }

    // ---- saved searches and history -------------------------------------------------------------------------------

    public void saveSearch(String name) {
        SavedSearch search = new SavedSearch(name.strip(), filterText.get(), range.get().spec());
        execute(lookups, () -> {
            investigations.save(search);
            publishSavedSearches();
        });
    }

    public void deleteSavedSearch(String name) {
        execute(lookups, () -> {
            investigations.deleteSavedSearch(name);
            publishSavedSearches();
        });
    }

    /** Replaces this tab's filter and range with a saved search's, and runs it. */
    public void open(Search search) {
        filterText.set(search.filterText());
        range.set(search.range());
        run();
    }

    public static Search toSearch(SavedSearch saved) {
        return new Search(saved.filterText(), RangeChoice.parse(saved.rangeSpec()));
    }

    public void refreshHistoryAndSavedSearches() {
        historyAndSavedSearches.request();
    }

    private void publishHistory() {
        List<String> recent = investigations.recentFilters(20);
        Platform.runLater(() -> history.setAll(recent));
    }

    private void publishSavedSearches() {
        List<SavedSearch> all = investigations.savedSearches();
        Map<String, TeamState.Overwrite> marked = investigations.team().overwrites(InvestigationStore.SAVED_SEARCH);
        Platform.runLater(() -> {
            savedSearchOverwrites.keySet().retainAll(marked.keySet());
            savedSearchOverwrites.putAll(marked);
            savedSearches.setAll(all);
        });
    }

    /** The user saw that this saved search's edit was overwritten by another workstation's: clears the marker. */
    public void acknowledgeOverwrite(String savedSearchName) {
        execute(lookups, () -> {
            investigations.team().acknowledge(InvestigationStore.SAVED_SEARCH, savedSearchName);
            publishSavedSearches();
        });
    }

    /** Markers on saved searches, by name; read on the FX thread. */
    public ObservableMap<String, TeamState.Overwrite> savedSearchOverwrites() {
        return savedSearchOverwrites;
    }

    // ---- autocomplete ---------------------------------------------------------------------------------------------

    /**
     * Completions for what is typed at the caret: field names (known ones, then keys seen in results), or the most
     * frequent values of the field in the current range. Blocks on the database for values: call off the FX thread.
     */
    public List<String> suggestions(FilterCompletion at) {
        String prefix = at.prefix().toLowerCase(Locale.ROOT);
        if (at.kind() == FilterCompletion.Kind.FIELD) {
            Set<String> names = new java.util.LinkedHashSet<>(FieldCatalog.KNOWN);
            names.addAll(new TreeSet<>(seenKeys));
            return names.stream()
                    .filter(n -> n.toLowerCase(Locale.ROOT).contains(prefix) && !n.equalsIgnoreCase(at.prefix()))
                    .sorted(Comparator.comparing((String n) -> !n.toLowerCase(Locale.ROOT).startsWith(prefix)))
                    .limit(SUGGESTIONS).toList();
        }
        ExplorerQuery query = current;
        if (query == null) {
            return List.of();
        }
        List<ValueCount> values = valueCache.computeIfAbsent(at.field().toLowerCase(Locale.ROOT),
                f -> explorer.topValues(SqlWhere.ALL, query.range(), at.field(), 50));
        return values.stream().map(ValueCount::value)
                .filter(v -> v.toLowerCase(Locale.ROOT).contains(prefix) && !v.equals(at.prefix()))
                .limit(SUGGESTIONS).toList();
    }

    // ---- export ---------------------------------------------------------------------------------------------------

    /** An export of the current result (not started): run it on any thread, cancel it from the FX thread. */
    public Optional<ExportTask> exportTask(Path file, ExportFormat format) {
        ExplorerQuery query = current;
        if (query == null) {
            return Optional.empty();
        }
        return Optional.of(new ExportTask(explorer, query, count.get(), file, format));
    }

    /** Starts an export on its own daemon thread, so a long export never holds up this tab's queries. */
    public ExportTask startExport(ExportTask task) {
        BackgroundThreads.start(task, "explorer-export");
        return task;
    }

    /**
     * Runs {@code task} on {@code executor} unless the tab was closed: a debounce timer or a row scrolled into view
     * can still call in after {@link #shutdown()}, and that must be a no-op, not an exception on the FX thread.
     */
    private static void execute(ExecutorService executor, Runnable task) {
        if (executor.isShutdown()) {
            return;
        }
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed between the check and the call: same as above
        }
    }

    public void shutdown() {
        teamChanges.forEach(TeamState.Subscription::close);
        generation.incrementAndGet();
        pageLoader.shutdown();
        queries.shutdownNow();
        lookups.shutdownNow();
    }

    // ---- properties ------------------------------------------------------------------------------------------------

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyObjectProperty<FilterCheck> filterCheckProperty() {
        return filterCheck.getReadOnlyProperty();
    }

    public ObjectProperty<RangeChoice> rangeProperty() {
        return range;
    }

    public ReadOnlyObjectProperty<TimeRange> resolvedRangeProperty() {
        return resolvedRange.getReadOnlyProperty();
    }

    public ObjectProperty<SortOrder> orderProperty() {
        return order;
    }

    public ObjectProperty<HistogramSplit> splitProperty() {
        return split;
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    /** The current result's rows (a new list per result): loaded rows and, where not loaded yet, placeholders. */
    public ObservableList<EventRow> rows() {
        return rows.get();
    }

    ReadOnlyObjectProperty<ResultRows> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ObservableList<FieldSummary> fieldSummaries() {
        return fieldSummaries;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<String> history() {
        return history;
    }

    public ObservableList<SavedSearch> savedSearches() {
        return savedSearches;
    }

    public ReadOnlyObjectProperty<EventRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EventDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
