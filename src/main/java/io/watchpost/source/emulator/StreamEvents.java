package io.watchpost.source.emulator;

import java.util.Arrays;

/**
 * The events of one log stream, kept sorted by (timestamp, arrival sequence) in parallel primitive arrays.
 *
 * <p>Why columns instead of a list of objects: a million-event group then costs ~40 bytes per event plus the
 * message, binary searches touch only a {@code long[]}, and merging an out-of-order batch is a few
 * {@code System.arraycopy} calls. Not thread-safe: {@link LogGroup}'s lock guards it.
 */
final class StreamEvents {

    private long[] timestamps = new long[16];
    private long[] seqs = new long[16];
    private long[] ingestionTimes = new long[16];
    private int[] messageBytes = new int[16];
    private String[] messages = new String[16];
    private int size;

    int size() {
        return size;
    }

    long timestamp(int i) {
        return timestamps[i];
    }

    long seq(int i) {
        return seqs[i];
    }

    long ingestionTime(int i) {
        return ingestionTimes[i];
    }

    int messageBytes(int i) {
        return messageBytes[i];
    }

    String message(int i) {
        return messages[i];
    }

    /** Index of the first event whose key is >= (ts, seq); {@code size()} if none. */
    int lowerBound(long ts, long seq) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareAt(mid, ts, seq) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int compareAt(int i, long ts, long seq) {
        int c = Long.compare(timestamps[i], ts);
        return c != 0 ? c : Long.compare(seqs[i], seq);
    }

    /**
     * Adds events given in key order (a PutLogEvents batch is chronological and its sequence numbers increase).
     * The common case (batch starts at or after the stream's last event) is a plain append; otherwise only the
     * tail from the insertion point onward is merged, O(tail + batch).
     */
    void addSorted(long[] ts, long[] seq, long[] ingest, int[] bytes, String[] msg, int n) {
        if (n == 0) {
            return;
        }
        ensureCapacity(size + n);
        if (size == 0 || compareAt(size - 1, ts[0], seq[0]) <= 0) {
            System.arraycopy(ts, 0, timestamps, size, n);
            System.arraycopy(seq, 0, seqs, size, n);
            System.arraycopy(ingest, 0, ingestionTimes, size, n);
            System.arraycopy(bytes, 0, messageBytes, size, n);
            System.arraycopy(msg, 0, messages, size, n);
            size += n;
            return;
        }
        int p = lowerBound(ts[0], seq[0]);
        int tail = size - p;
        long[] tTs = Arrays.copyOfRange(timestamps, p, size);
        long[] tSeq = Arrays.copyOfRange(seqs, p, size);
        long[] tIng = Arrays.copyOfRange(ingestionTimes, p, size);
        int[] tBytes = Arrays.copyOfRange(messageBytes, p, size);
        String[] tMsg = Arrays.copyOfRange(messages, p, size);
        int i = 0;
        int j = 0;
        int out = p;
        while (i < tail || j < n) {
            boolean takeTail;
            if (i >= tail) {
                takeTail = false;
            } else if (j >= n) {
                takeTail = true;
            } else {
                int c = Long.compare(tTs[i], ts[j]);
                takeTail = c < 0 || (c == 0 && tSeq[i] < seq[j]);
            }
            if (takeTail) {
                set(out++, tTs[i], tSeq[i], tIng[i], tBytes[i], tMsg[i]);
                i++;
            } else {
                set(out++, ts[j], seq[j], ingest[j], bytes[j], msg[j]);
                j++;
            }
        }
        size += n;
    }

    /** Appends without keeping order; callers doing bulk loads must call {@link #sortAll()} afterwards. */
    void appendUnsorted(long ts, long seq, long ingest, int bytes, String msg) {
        ensureCapacity(size + 1);
        set(size++, ts, seq, ingest, bytes, msg);
    }

    /** Restores the key order after bulk {@link #appendUnsorted} calls; cheap when already sorted. */
    void sortAll() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = compareAt(i - 1, timestamps[i], seqs[i]) <= 0;
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(timestamps[a], timestamps[b]);
            return c != 0 ? c : Long.compare(seqs[a], seqs[b]);
        });
        long[] nTs = new long[timestamps.length];
        long[] nSeq = new long[timestamps.length];
        long[] nIng = new long[timestamps.length];
        int[] nBytes = new int[timestamps.length];
        String[] nMsg = new String[timestamps.length];
        for (int i = 0; i < size; i++) {
            int k = order[i];
            nTs[i] = timestamps[k];
            nSeq[i] = seqs[k];
            nIng[i] = ingestionTimes[k];
            nBytes[i] = messageBytes[k];
            nMsg[i] = messages[k];
        }
        timestamps = nTs;
        seqs = nSeq;
        ingestionTimes = nIng;
        messageBytes = nBytes;
        messages = nMsg;
    }

    private void set(int i, long ts, long seq, long ingest, int bytes, String msg) {
        timestamps[i] = ts;
        seqs[i] = seq;
        ingestionTimes[i] = ingest;
        messageBytes[i] = bytes;
        messages[i] = msg;
    }

    private void ensureCapacity(int needed) {
        if (needed <= timestamps.length) {
            return;
        }
        int cap = Math.max(needed, timestamps.length + (timestamps.length >> 1));
        timestamps = Arrays.copyOf(timestamps, cap);
        seqs = Arrays.copyOf(seqs, cap);
        ingestionTimes = Arrays.copyOf(ingestionTimes, cap);
        messageBytes = Arrays.copyOf(messageBytes, cap);
        messages = Arrays.copyOf(messages, cap);
    }
}
