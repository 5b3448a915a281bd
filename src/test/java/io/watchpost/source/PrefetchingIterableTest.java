package io.watchpost.source;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefetchingIterableTest {

    @Test
    void deliversEveryItemInOrder() {
        List<Integer> source = IntStream.range(0, 1000).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        try (PrefetchingIterable<Integer> ahead = new PrefetchingIterable<>(source, 2)) {
            ahead.forEach(seen::add);
        }
        assertEquals(source, seen);
    }

    @Test
    void aFetchErrorArrivesAfterThePagesBeforeIt() {
        Iterable<Integer> failing = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (i == 3) {
                    throw new IllegalStateException("throttled for good");
                }
                return i++;
            }
        };
        List<Integer> seen = new ArrayList<>();
        try (PrefetchingIterable<Integer> ahead = new PrefetchingIterable<>(failing, 2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ahead.forEach(seen::add));
            assertEquals("throttled for good", e.getMessage());
        }
        assertEquals(List.of(0, 1, 2), seen);
    }

    @Test
    void fetchesAtMostDepthAhead() throws InterruptedException {
        AtomicInteger fetched = new AtomicInteger();
        Iterable<Integer> counting = () -> IntStream.range(0, 100).boxed().peek(i -> fetched.incrementAndGet()).iterator();
        try (PrefetchingIterable<Integer> ahead = new PrefetchingIterable<>(counting, 3)) {
            Iterator<Integer> it = ahead.iterator();
            assertEquals(0, it.next());
            Thread.sleep(200);
            // one taken, three waiting in the queue, one more blocked on put
            assertTrue(fetched.get() <= 5, "fetched " + fetched.get());
        }
    }
}
