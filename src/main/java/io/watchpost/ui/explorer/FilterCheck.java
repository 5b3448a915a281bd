package io.watchpost.ui.explorer;

import io.watchpost.query.FilterParser;
import io.watchpost.query.FilterSyntaxException;
import io.watchpost.query.SqlCompiler;
import io.watchpost.store.SqlWhere;

/**
 * A filter text, checked: either its compiled condition, or what is wrong and the 1-based column where.
 * Parsing is cheap (no database), so the bar checks on every keystroke.
 */
public record FilterCheck(String text, SqlWhere where, String problem, int column) {

    public static FilterCheck of(String text) {
        String t = text == null ? "" : text;
        if (t.isBlank()) {
            return new FilterCheck(t, SqlWhere.ALL, null, 0);
        }
        try {
            return new FilterCheck(t, SqlCompiler.compile(FilterParser.parse(t)), null, 0);
        } catch (FilterSyntaxException e) {
            return new FilterCheck(t, null, e.problem(), e.column());
        }
    }

    public boolean valid() {
        return where != null;
    }

    /** "expected a value after 'in' (column 17)", or empty when valid. */
    public String message() {
        return valid() ? "" : problem + " (column " + column + ")";
    }
}
