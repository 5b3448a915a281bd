package io.watchpost.ui;

import io.watchpost.normalize.Event;
import io.watchpost.store.Cache;
import io.watchpost.ui.events.EventRow;
import io.watchpost.ui.events.EventsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The events view model against a real cache: starts from the newest rows, follows arrivals, keeps its cap. */
class EventsViewModelTest {

    private static final int CAP = 50;

    @TempDir
    Path tempDir;

    private Cache cache;
    private EventsViewModel viewModel;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() {
        cache = Cache.open(tempDir.resolve("cache"));
    }

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.shutdown();
        }
        cache.close();
    }

    @Test
    void loadsTheNewestRowsThenFollowsArrivalsWithinTheCap() {
        cache.events().append(textEvents(0, 120));
        long before = cache.events().maxSeq();

        viewModel = new EventsViewModel(cache.events(), CAP);
        viewModel.start();
        Fx.waitUntil("the newest " + CAP + " rows", 10,
                () -> viewModel.rows().size() == CAP && viewModel.rows().get(0).seq() == before);
        assertEquals(before - CAP + 1, Fx.call(() -> viewModel.rows().get(CAP - 1).seq()));

        cache.events().append(textEvents(1, 30));
        long after = cache.events().maxSeq();
        Fx.waitUntil("the 30 new rows on top", 10, () -> viewModel.rows().get(0).seq() == after);
        List<Long> seqs = Fx.call(() -> viewModel.rows().stream().map(EventRow::seq).toList());
        assertEquals(CAP, seqs.size(), "still capped");
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(after - i, seqs.get(i), "contiguous, newest first");
        }
    }

    private static List<Event> textEvents(int round, int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(TestEvents.text(round * 1000 + i, Instant.now()));
        }
        return events;
    }
}
