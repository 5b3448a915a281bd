package io.watchpost.source.emulator;

/**
 * eventIds and sequence tokens look like AWS's: 56 decimal digits. Ours are a leading '3' and the group's
 * arrival sequence zero-padded to 55 digits, so they are unique within the group, increase with arrival,
 * and can be parsed back when the data directory is reloaded.
 */
final class EventIds {

    static final int LENGTH = 56;

    private EventIds() {
    }

    static String format(long seq) {
        char[] buf = new char[LENGTH];
        write(seq, buf);
        return new String(buf);
    }

    /** Fills {@code buf[0..56)}; lets the response writer avoid allocating a String per event. */
    static void write(long seq, char[] buf) {
        long v = seq;
        for (int i = LENGTH - 1; i > 0; i--) {
            buf[i] = (char) ('0' + (v % 10));
            v /= 10;
        }
        buf[0] = '3';
    }

    /** Inverse of {@link #format}; -1 when the text is not one of our ids. */
    static long parse(String id) {
        if (id == null || id.length() != LENGTH || id.charAt(0) != '3') {
            return -1;
        }
        long v = 0;
        for (int i = 1; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (v > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
