package io.watchpost.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter into tokens with their columns: bare words, quoted strings (single or double quotes, backslash
 * escapes), {@code /regex/} literals, comparison operators, parentheses, brackets and commas.
 */
final class Lexer {

    /** Characters that end a bare word; everything else (including {@code / : - . * @}) belongs to it. */
    private static final String DELIMITERS = "()[],\"'=!<>";

    private Lexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                i = string(text, i, out);
            } else if (c == '/' && previousIsMatches(out)) {
                // Only after 'matches' is a slash a regex delimiter; elsewhere it is part of a word (/aws/x, 10.0.0.0/8).
                i = regex(text, i, out);
            } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
                out.add(new Token(punctuation(c), String.valueOf(c), column));
                i++;
            } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                boolean withEquals = i + 1 < text.length() && text.charAt(i + 1) == '=';
                if (c == '!' && !withEquals) {
                    throw new FilterSyntaxException("unexpected '!'; did you mean '!=' or 'not'?", column);
                }
                String op = withEquals ? text.substring(i, i + 2) : String.valueOf(c);
                out.add(new Token(Token.Kind.OPERATOR, op, column));
                i += op.length();
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && DELIMITERS.indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(Token.Kind.WORD, text.substring(start, i), column));
            }
        }
        out.add(new Token(Token.Kind.END, "", text.length() + 1));
        return out;
    }

    private static Token.Kind punctuation(char c) {
        return switch (c) {
            case '(' -> Token.Kind.LPAREN;
            case ')' -> Token.Kind.RPAREN;
            case '[' -> Token.Kind.LBRACKET;
            case ']' -> Token.Kind.RBRACKET;
            default -> Token.Kind.COMMA;
        };
    }

    private static boolean previousIsMatches(List<Token> out) {
        return !out.isEmpty() && out.get(out.size() - 1).isWord("matches");
    }

    private static int string(String text, int open, List<Token> out) {
        char quote = text.charAt(open);
        StringBuilder value = new StringBuilder();
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                out.add(new Token(Token.Kind.STRING, value.toString(), open + 1));
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    break;
                }
                char next = text.charAt(i + 1);
                if (next == 'u') {
                    value.append(unicodeEscape(text, i));
                    i += 6;
                    continue;
                }
                value.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next; // \" \' \\ and any other character stand for themselves
                });
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new FilterSyntaxException("unterminated string: the " + quote + " opened at column " + (open + 1)
                + " is never closed", open + 1);
    }

    private static char unicodeEscape(String text, int backslash) {
        if (backslash + 6 <= text.length()) {
            String hex = text.substring(backslash + 2, backslash + 6);
            if (hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                return (char) Integer.parseInt(hex, 16);
            }
        }
        throw new FilterSyntaxException("'\\u' must be followed by four hex digits", backslash + 1);
    }

    private static int regex(String text, int open, List<Token> out) {
        StringBuilder value = new StringBuilder();
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/') {
                out.add(new Token(Token.Kind.REGEX, value.toString(), open + 1));
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                // \/ is a slash; every other escape is the regex's own (\d, \., \\) and is kept as written.
                if (next == '/') {
                    value.append('/');
                } else {
                    value.append(c).append(next);
                }
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new FilterSyntaxException("unterminated regex: the / opened at column " + (open + 1) + " is never closed",
                open + 1);
    }
}
