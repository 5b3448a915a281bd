package io.watchpost.source.emulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamEventsTest {

    private record Ev(long ts, long seq) {
    }

    @Test
    void randomOutOfOrderBatchesStayInKeyOrder() {
        Random rnd = new Random(42);
        StreamEvents ev = new StreamEvents();
        List<Ev> expected = new ArrayList<>();
        long seq = 0;
        for (int batch = 0; batch < 300; batch++) {
            int n = 1 + rnd.nextInt(50);
            long start = rnd.nextInt(10_000);
            long[] ts = new long[n];
            long[] sq = new long[n];
            long[] ing = new long[n];
            int[] bytes = new int[n];
            String[] msg = new String[n];
            long t = start;
            for (int i = 0; i < n; i++) {
                t += rnd.nextInt(3); // chronological within the batch, with ties
                ts[i] = t;
                sq[i] = seq++;
                msg[i] = "m" + sq[i];
                bytes[i] = msg[i].length();
                expected.add(new Ev(t, sq[i]));
            }
            ev.addSorted(ts, sq, ing, bytes, msg, n);
        }
        expected.sort(Comparator.comparingLong(Ev::ts).thenComparingLong(Ev::seq));
        assertEquals(expected.size(), ev.size());
        for (int i = 0; i < ev.size(); i++) {
            assertEquals(expected.get(i), new Ev(ev.timestamp(i), ev.seq(i)), "at " + i);
            assertEquals("m" + ev.seq(i), ev.message(i));
        }
        Ev probe = expected.get(expected.size() / 2);
        assertEquals(expected.indexOf(probe), ev.lowerBound(probe.ts(), probe.seq()));
    }

    @Test
    void bulkAppendThenSortMatchesKeyOrder() {
        StreamEvents ev = new StreamEvents();
        ev.appendUnsorted(5, 2, 0, 1, "c");
        ev.appendUnsorted(1, 3, 0, 1, "a");
        ev.appendUnsorted(5, 1, 0, 1, "b");
        ev.sortAll();
        assertEquals(List.of("a", "b", "c"), List.of(ev.message(0), ev.message(1), ev.message(2)));
    }

    @Test
    void eventIdsRoundTripAndSortByArrival() {
        assertEquals(56, EventIds.format(1).length());
        assertEquals(123_456_789L, EventIds.parse(EventIds.format(123_456_789L)));
        assertEquals(-1, EventIds.parse("12345"));
        assertEquals(-1, TokenRoundTrip.invalidParse());
        String a = EventIds.format(9);
        String b = EventIds.format(10);
        assertEquals(-1, Integer.signum(a.compareTo(b)));
    }

    private static final class TokenRoundTrip {
        static long invalidParse() {
            try {
                TokenCodec.decodeLongs(TokenCodec.encode("X", "1", "2"), "Y", 2);
                return 0;
            } catch (EmulatorException e) {
                return e.getMessage().equals("The specified nextToken is invalid.") ? -1 : 1;
            }
        }
    }
}
