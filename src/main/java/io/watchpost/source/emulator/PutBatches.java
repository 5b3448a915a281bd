package io.watchpost.source.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits events into PutLogEvents-sized batches: at most 10,000 events and 1,048,576 bytes (message bytes + 26 each). */
public final class PutBatches {

    public static final int MAX_EVENTS = 10_000;
    public static final int MAX_BYTES = 1_048_576;
    public static final int PER_EVENT_OVERHEAD = 26;

    private PutBatches() {
    }

    public static List<List<InputLogEvent>> split(List<InputLogEvent> events) {
        List<List<InputLogEvent>> out = new ArrayList<>();
        List<InputLogEvent> current = new ArrayList<>();
        long bytes = 0;
        for (InputLogEvent e : events) {
            long size = e.message().getBytes(StandardCharsets.UTF_8).length + PER_EVENT_OVERHEAD;
            if (!current.isEmpty() && (current.size() == MAX_EVENTS || bytes + size > MAX_BYTES)) {
                out.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(e);
            bytes += size;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
