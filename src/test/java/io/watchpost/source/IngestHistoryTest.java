package io.watchpost.source;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IngestHistoryTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final IngestHistory history = new IngestHistory(clock::get);

    @Test
    void countsPerCompleteSecondWithQuietSecondsAsZerosAndNotTheSecondUnderWay() {
        history.addRead(500);
        history.addStored(480);
        clock.addAndGet(400);
        history.addStored(20);          // same second
        clock.addAndGet(2_000);         // one quiet second, then a new one
        history.addRead(7);
        history.addStored(7);
        clock.addAndGet(1_000);
        history.addStored(3);           // the second under way: not reported yet

        long first = 1_000_000L;
        assertEquals(List.of(new IngestHistory.Second(first, 500, 500), new IngestHistory.Second(first + 1, 0, 0),
                new IngestHistory.Second(first + 2, 7, 7)), history.completeSeconds());
    }

    @Test
    void aSlotReusedAfterTheWindowStartsFromZeroAndOldSecondsFallOut() {
        history.addStored(100);
        clock.addAndGet(IngestHistory.SECONDS * 1000L); // the same slot, one window later
        history.addStored(1);
        clock.addAndGet(1_000);

        assertEquals(List.of(new IngestHistory.Second(1_000_000L + IngestHistory.SECONDS, 0, 1)), history.completeSeconds());
    }
}
