package io.watchpost.source.emulator;

/** A log stream's metadata plus its sorted events. Guarded by the owning {@link LogGroup}'s lock. */
final class LogStream {

    final String name;
    final long creationTime;
    final StreamEvents events = new StreamEvents();
    long storedBytes;
    long lastIngestionTime;
    /** Count of successful PutLogEvents calls; the (ignored) upload sequence token is derived from it. */
    long uploads;

    LogStream(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }

    String uploadSequenceToken() {
        return EventIds.format(uploads + 1);
    }

    Long firstEventTimestamp() {
        return events.size() == 0 ? null : events.timestamp(0);
    }

    Long lastEventTimestamp() {
        return events.size() == 0 ? null : events.timestamp(events.size() - 1);
    }
}
