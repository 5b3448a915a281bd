package io.watchpost.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the first filter form: {@code field = value} comparisons ({@code =}, {@code ==}, {@code !=}) joined by
 * {@code AND} (any case). Values are bare words or quoted strings. Errors name the column.
 */
public final class FilterParser {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z_@][A-Za-z0-9_.@\\-]*");

    private FilterParser() {
    }

    public static Filter parse(String text) {
        if (text == null || text.isBlank()) {
            return Filter.ALL;
        }
        List<Token> tokens = Lexer.tokens(text);
        List<Filter.Comparison> out = new ArrayList<>();
        int i = 0;
        while (true) {
            Token field = tokens.get(i);
            if (field.kind() != Token.Kind.WORD || !FIELD.matcher(field.text()).matches()) {
                throw new FilterSyntaxException(field.kind() == Token.Kind.END ? "expected a field name" :
                        "expected a field name, found '" + field.text() + "'", field.column());
            }
            Token op = tokens.get(i + 1);
            if (op.kind() != Token.Kind.EQ && op.kind() != Token.Kind.NEQ) {
                throw new FilterSyntaxException("expected '=' or '!=' after " + field.text(), op.column());
            }
            Token value = tokens.get(i + 2);
            if (value.kind() != Token.Kind.WORD && value.kind() != Token.Kind.STRING) {
                throw new FilterSyntaxException("expected a value after " + op.text(), value.column());
            }
            out.add(new Filter.Comparison(field.text(), op.kind() == Token.Kind.NEQ, value.text(), field.column()));
            Token next = tokens.get(i + 3);
            if (next.kind() == Token.Kind.END) {
                return new Filter(out);
            }
            if (next.kind() != Token.Kind.WORD || !next.text().toLowerCase(Locale.ROOT).equals("and")) {
                throw new FilterSyntaxException("expected AND or the end of the filter, found '" + next.text() + "'",
                        next.column());
            }
            i += 4;
        }
    }
}
