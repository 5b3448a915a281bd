package io.watchpost.query;

/** A filter that cannot be read; {@link #column()} is the 1-based position where it goes wrong. */
public final class FilterSyntaxException extends RuntimeException {
    private final int column;

    public FilterSyntaxException(String problem, int column) {
        super(problem + " (at column " + column + ")");
        this.column = column;
    }

    public int column() {
        return column;
    }
}
