package io.watchpost.query;

/** One lexical token of a filter, with its 1-based column for error messages. */
record Token(Kind kind, String text, int column) {

    enum Kind {
        /** A bare word: field name, keyword, or unquoted value ({@code 10.0.0.0/8}, {@code now-15m}, {@code /aws/x}). */
        WORD,
        /** A quoted string, escapes already resolved. */
        STRING,
        /** {@code /regex/} after {@code matches}; backslash-slash already resolved. */
        REGEX,
        /** {@code = == != < <= > >=} */
        OPERATOR,
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, END
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the filter";
            case STRING -> "\"" + text + "\"";
            case REGEX -> "/" + text + "/";
            default -> "'" + text + "'";
        };
    }
}
