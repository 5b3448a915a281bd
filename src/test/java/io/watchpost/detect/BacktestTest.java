package io.watchpost.detect;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BacktestTest {

    @Test
    void bucketsSpanFirstToLastHitInEqualWidths() {
        Instant t0 = Instant.parse("2025-11-24T08:00:00Z");
        List<Backtest.Bucket> b = Backtest.buckets(List.of(t0, t0.plusSeconds(5), t0.plusSeconds(3599),
                t0.plusSeconds(1800)), 4);
        assertEquals(4, b.size());
        assertEquals(Duration.ofSeconds(900), b.get(0).width());
        assertEquals(List.of(2L, 0L, 1L, 1L), b.stream().map(Backtest.Bucket::hits).toList());
        assertEquals(t0.plusSeconds(1800), b.get(2).start());
    }

    @Test
    void aSingleHitIsOneBucketAndNoHitsNone() {
        Instant t0 = Instant.parse("2025-11-24T08:00:00Z");
        assertEquals(1, Backtest.buckets(List.of(t0), 12).size());
        assertEquals(List.of(), Backtest.buckets(List.of(), 12));
    }
}
