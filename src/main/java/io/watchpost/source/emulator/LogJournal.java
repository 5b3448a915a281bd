package io.watchpost.source.emulator;

/**
 * Receives every change to {@link EmulatedLogs} so it can be made durable. Called with the group's write lock
 * held, so the journal sees a group's changes in arrival order.
 */
interface LogJournal extends AutoCloseable {

    LogJournal NONE = new LogJournal() {
        @Override
        public void groupCreated(String group, long creationTime) {
        }

        @Override
        public void streamCreated(String group, String stream, long creationTime) {
        }

        @Override
        public void eventsAdded(String group, String stream, long[] ts, long[] seq, long[] ingest, String[] msg,
                                int n) {
        }

        @Override
        public void close() {
        }
    };

    void groupCreated(String group, long creationTime);

    void streamCreated(String group, String stream, long creationTime);

    void eventsAdded(String group, String stream, long[] ts, long[] seq, long[] ingest, String[] msg, int n);

    @Override
    void close();
}
