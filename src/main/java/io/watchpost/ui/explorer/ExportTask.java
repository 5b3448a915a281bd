package io.watchpost.ui.explorer;

import io.watchpost.query.EventExport;
import io.watchpost.store.EventExplorer;
import io.watchpost.store.EventPage;
import io.watchpost.store.PageCursor;
import io.watchpost.store.StoredEvent;
import javafx.concurrent.Task;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every event of one query to a file, streaming keyset pages so memory stays flat however large the result.
 * Progress is events written over the query's count; cancelling stops at the next page and deletes the partial file
 * (a half export that looks complete is worse than none). The value is the number of events written.
 */
public final class ExportTask extends Task<Long> {

    static final int PAGE_SIZE = 2_000;

    private final EventExplorer explorer;
    private final ExplorerQuery query;
    private final long expected;
    private final Path file;
    private final ExportFormat format;

    public ExportTask(EventExplorer explorer, ExplorerQuery query, long expected, Path file, ExportFormat format) {
        this.explorer = explorer;
        this.query = query;
        this.expected = Math.max(1, expected);
        this.file = file;
        this.format = format;
        updateTitle("Export to " + file.getFileName());
    }

    @Override
    protected Long call() throws IOException {
        long written = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (format == ExportFormat.CSV) {
                EventExport.writeCsvHeader(out);
            }
            PageCursor cursor = null;
            do {
                if (isCancelled()) {
                    break;
                }
                EventPage page = explorer.page(query.where(), query.range(), query.order(), cursor, PAGE_SIZE);
                for (StoredEvent stored : page.events()) {
                    if (format == ExportFormat.CSV) {
                        EventExport.writeCsvRow(out, stored.event());
                    } else {
                        EventExport.writeJsonLine(out, stored.event());
                    }
                }
                written += page.events().size();
                updateProgress(written, expected);
                updateMessage(String.format("%,d of %,d events", written, expected));
                cursor = page.next().orElse(null);
            } while (cursor != null);
        }
        if (isCancelled()) {
            Files.deleteIfExists(file);
        }
        return written;
    }

    public Path file() {
        return file;
    }
}
