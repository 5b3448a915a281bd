package io.watchpost.detect;

/** A rule file that cannot be used, with where the problem is (1-based line and column; 0 when unknown). */
public final class RuleFormatException extends RuntimeException {
    private final String problem;
    private final int line;
    private final int column;

    public RuleFormatException(String problem, int line, int column) {
        super((line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "") + problem);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    public String problem() {
        return problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
