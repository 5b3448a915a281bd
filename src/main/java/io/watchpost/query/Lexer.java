package io.watchpost.query;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter into words, quoted strings (with backslash escapes) and comparison operators. */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                i = string(text, i, out);
            } else if (c == '=') {
                boolean dbl = i + 1 < text.length() && text.charAt(i + 1) == '=';
                out.add(new Token(Token.Kind.EQ, dbl ? "==" : "=", i + 1));
                i += dbl ? 2 : 1;
            } else if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                out.add(new Token(Token.Kind.NEQ, "!=", i + 1));
                i += 2;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "=!\"'".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                if (i == start) {
                    throw new FilterSyntaxException("unexpected '" + c + "'", i + 1);
                }
                out.add(new Token(Token.Kind.WORD, text.substring(start, i), start + 1));
            }
        }
        out.add(new Token(Token.Kind.END, "", text.length() + 1));
        return out;
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
                value.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new FilterSyntaxException("unterminated string", open + 1);
    }
}
