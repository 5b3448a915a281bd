package io.watchpost.ui.events;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Severity;
import io.watchpost.store.StoredEvent;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One table row, with every cell's text prepared on the background thread that read the event, so rendering a
 * cell on the FX thread is a field read.
 */
public record EventRow(long seq, String time, Severity severity, String sourceType, String logGroup, String action,
                       String outcome, String user, String sourceIp, String message, String parseError,
                       StoredEvent source) {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    // Long messages are cut for the table only (the detail pane shows everything): a cell needs a line, not a page.
    private static final int MESSAGE_CHARS = 400;

    public static EventRow of(StoredEvent stored) {
        Event e = stored.event();
        return new EventRow(stored.seq(), TIME.format(e.eventTime()), e.severity(), text(e.sourceType()),
                e.logGroup(), text(e.action()), text(e.outcome()), text(e.user()), text(e.sourceIp()),
                oneLine(e.message() == null ? e.raw() : e.message()), e.parseError(), stored);
    }

    public boolean hasParseError() {
        return parseError != null;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String oneLine(String message) {
        String line = message.replace("\r\n", " ⏎ ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return line.length() <= MESSAGE_CHARS ? line : line.substring(0, MESSAGE_CHARS) + " …";
    }
}
