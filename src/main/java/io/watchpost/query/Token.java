package io.watchpost.query;

/** One lexical token of a filter, with its 1-based column for error messages. */
record Token(Kind kind, String text, int column) {
    enum Kind { WORD, STRING, EQ, NEQ, END }
}
