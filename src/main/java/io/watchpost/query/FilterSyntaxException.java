package io.watchpost.query;

/**
 * A filter that cannot be read or compiled. {@link #problem()} says what is wrong, {@link #column()} is the 1-based
 * position where; {@link #getMessage()} is both, e.g. "expected a value after 'in' (column 17)".
 */
public final class FilterSyntaxException extends RuntimeException {
    private final String problem;
    private final int column;

    public FilterSyntaxException(String problem, int column) {
        super(problem + " (column " + column + ")", null, false, false); // no stack trace: this is user input, not a bug
        this.problem = problem;
        this.column = column;
    }

    public String problem() {
        return problem;
    }

    public int column() {
        return column;
    }
}
