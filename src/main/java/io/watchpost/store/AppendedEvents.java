package io.watchpost.store;

import io.watchpost.normalize.Event;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches the store committed lately, kept for the rollups so they need not read back rows the writer had in
 * hand a moment ago: reading them back (every wide row, raw text included) took a fifth of a core at 30,000 events/s
 * in the UI stall bench.
 *
 * <p>Each batch carries the highest seq committed before it. Appends commit one at a time and seq grows in commit
 * order, so a batch whose predecessor's seq equals the rollups' high-water mark holds exactly the rows after it.
 * Anything else (the first batch after registering, a batch dropped because the rollups fell behind, one the rollups
 * already partly read from the table) breaks the chain, and the rollups read the rows from the table as before:
 * memory is a shortcut, never the record. (The store's appends are the only writers of event rows; a path that
 * inserted rows around them would have to stop the rollups taking batches from here.)
 */
final class AppendedEvents implements EventStore.AppendListener {

    /** One committed append: its events hold exactly the rows with seq in ({@code after}, {@code lastSeq}]. */
    record Appended(long after, long lastSeq, List<Event> events) {
    }

    private final int maxEvents;
    private final ArrayDeque<Appended> pending = new ArrayDeque<>(); // guarded by this
    private int pendingEvents; // guarded by this
    /** Written only by appends, which the store's write lock orders; -1 until the first: what came before is unknown. */
    private long previousLastSeq = -1;

    /** @param maxEvents held at most; beyond it the oldest batches go and the rollups read those rows from the table */
    AppendedEvents(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    @Override
    public void stored(List<Event> events, long lastSeq) {
        Appended appended = new Appended(previousLastSeq, lastSeq, events);
        previousLastSeq = lastSeq;
        synchronized (this) {
            pending.addLast(appended);
            pendingEvents += events.size();
            while (pendingEvents > maxEvents) {
                pendingEvents -= pending.removeFirst().events().size();
            }
        }
    }

    /**
     * Takes the batches that continue from {@code fromSeq} without a gap, at least one and then as many as fit in
     * {@code maxEvents}, and forgets those the rollups are already past. Empty when the next rows are not in hand.
     */
    synchronized List<Appended> takeFollowing(long fromSeq, int maxEvents) {
        while (!pending.isEmpty() && pending.peekFirst().lastSeq() <= fromSeq) {
            pendingEvents -= pending.removeFirst().events().size();
        }
        List<Appended> taken = new ArrayList<>();
        long next = fromSeq;
        int events = 0;
        while (!pending.isEmpty() && pending.peekFirst().after() == next
                && (taken.isEmpty() || events + pending.peekFirst().events().size() <= maxEvents)) {
            Appended a = pending.removeFirst();
            pendingEvents -= a.events().size();
            taken.add(a);
            next = a.lastSeq();
            events += a.events().size();
        }
        return taken;
    }
}
