package io.watchpost.sync;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes rows in PostgreSQL's COPY text format: tab between columns, newline after each row, {@code \N} for NULL,
 * and backslash escapes for the characters that would otherwise end a column or row. COPY data is parsed as data,
 * never as SQL, so nothing in a value can become a statement.
 * <p>
 * PostgreSQL text cannot hold U+0000 at all, so a NUL becomes U+FFFD; every other character arrives unchanged.
 */
final class CopyTextWriter {

    static final char NUL_REPLACEMENT = '\uFFFD';

    private final Writer out;
    private boolean firstColumn = true;

    CopyTextWriter(Writer out) {
        this.out = out;
    }

    CopyTextWriter text(String value) throws IOException {
        separate();
        if (value == null) {
            out.write("\\N");
            return this;
        }
        int n = value.length();
        int start = 0;
        // Copy runs of plain characters in one write; escape the few that need it.
        for (int i = 0; i < n; i++) {
            String escape = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\0' -> String.valueOf(NUL_REPLACEMENT);
                default -> null;
            };
            if (escape != null) {
                out.write(value, start, i - start);
                out.write(escape);
                start = i + 1;
            }
        }
        out.write(value, start, n - start);
        return this;
    }

    CopyTextWriter number(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    void endRow() throws IOException {
        out.write('\n');
        firstColumn = true;
    }

    private void separate() throws IOException {
        if (!firstColumn) {
            out.write('\t');
        }
        firstColumn = false;
    }
}
