package io.watchpost.source.emulator;

/** One FilterLogEvents result. {@code sequence} is the group-wide arrival number the eventId is made from. */
public record FilteredEvent(String logStreamName, long timestamp, String message, long ingestionTime,
                            long sequence) {

    public String eventId() {
        return EventIds.format(sequence);
    }
}
