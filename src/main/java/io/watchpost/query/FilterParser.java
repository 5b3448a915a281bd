package io.watchpost.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent parser of the filter language (grammar in the README, "query"):
 * <pre>
 * filter     := orExpr? END
 * orExpr     := andExpr ('or' andExpr)*
 * andExpr    := unary ('and' unary)*
 * unary      := 'not' unary | primary
 * primary    := '(' orExpr ')' | field predicate | WORD | STRING          -- a lone word or string is free text
 * predicate  := OP value | ('contains'|'startswith'|'endswith') value | 'matches' (REGEX|STRING)
 *             | 'in' ('[' value (',' value)* ']' | value) | 'exists' | 'not' predicate
 * </pre>
 * Precedence is therefore not &gt; and &gt; or. Keywords and field names are case-insensitive.
 */
public final class FilterParser {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z_@][A-Za-z0-9_.@\\-]*");
    private static final Set<String> PREDICATE_WORDS = Set.of("contains", "startswith", "endswith", "matches", "in", "exists");

    /** Words analysts bring from other query languages, and what they mean here. */
    private static final Map<String, String> SUGGESTIONS = Map.ofEntries(
            Map.entry("like", "contains"), Map.entry("ilike", "contains"), Map.entry("includes", "contains"),
            Map.entry("has", "exists"), Map.entry("is", "="), Map.entry("eq", "="), Map.entry("equals", "="),
            Map.entry("ne", "!="), Map.entry("neq", "!="), Map.entry("regex", "matches"), Map.entry("rlike", "matches"),
            Map.entry("~", "matches"), Map.entry("=~", "matches"), Map.entry("starts", "startswith"),
            Map.entry("begins", "startswith"), Map.entry("beginswith", "startswith"), Map.entry("ends", "endswith"),
            Map.entry("gt", ">"), Map.entry("lt", "<"), Map.entry("gte", ">="), Map.entry("lte", "<="),
            Map.entry("within", "in"), Map.entry("&&", "and"), Map.entry("||", "or"));

    private final List<Token> tokens;
    private int pos;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The filter's tree; blank or null text is {@link Filter#ALL}. */
    public static Filter parse(String text) {
        if (text == null || text.isBlank()) {
            return Filter.ALL;
        }
        FilterParser p = new FilterParser(Lexer.tokens(text));
        Filter f = p.orExpr();
        Token t = p.peek();
        if (t.kind() == Token.Kind.RPAREN) {
            throw new FilterSyntaxException("')' without a matching '('", t.column());
        }
        if (t.kind() != Token.Kind.END) {
            throw p.unexpectedAfterCondition(t, "the end of the filter");
        }
        return f;
    }

    private Filter orExpr() {
        List<Filter> parts = new ArrayList<>(List.of(andExpr()));
        while (peek().isWord("or")) {
            pos++;
            parts.add(andExpr());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    private Filter andExpr() {
        List<Filter> parts = new ArrayList<>(List.of(unary()));
        while (peek().isWord("and")) {
            pos++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private Filter unary() {
        if (peek().isWord("not")) {
            pos++;
            return new Filter.Not(unary());
        }
        return primary();
    }

    private Filter primary() {
        Token t = next();
        switch (t.kind()) {
            case LPAREN -> {
                if (peek().kind() == Token.Kind.RPAREN) {
                    throw new FilterSyntaxException("empty parentheses", peek().column());
                }
                Filter inner = orExpr();
                Token close = next();
                if (close.kind() == Token.Kind.END) {
                    throw new FilterSyntaxException("unclosed '(' opened at column " + t.column(), t.column());
                }
                if (close.kind() != Token.Kind.RPAREN) {
                    throw unexpectedAfterCondition(close, "')' to close the '(' at column " + t.column());
                }
                return inner;
            }
            case WORD, STRING -> {
                if (t.kind() == Token.Kind.WORD && (t.isWord("and") || t.isWord("or"))) {
                    throw new FilterSyntaxException("expected a condition before '" + t.text() + "'", t.column());
                }
                Token after = peek();
                if (after.kind() == Token.Kind.OPERATOR || (after.kind() == Token.Kind.WORD && startsPredicate(after))) {
                    return predicate(field(t));
                }
                if (after.kind() == Token.Kind.WORD && !after.isWord("and") && !after.isWord("or")) {
                    throw unknownOperator(t, after);
                }
                return new Filter.FreeText(t.text(), t.column());
            }
            case END -> {
                Token before = pos >= 1 ? tokens.get(pos - 1) : null;
                throw new FilterSyntaxException(before == null ? "expected a condition"
                        : "expected a condition after " + before.describe(), t.column());
            }
            default -> throw new FilterSyntaxException("expected a condition, found " + t.describe(), t.column());
        }
    }

    /** Word after a field that starts a predicate: a predicate keyword, or 'not' followed by one. */
    private boolean startsPredicate(Token word) {
        String w = word.text().toLowerCase(java.util.Locale.ROOT);
        if (PREDICATE_WORDS.contains(w)) {
            return true;
        }
        Token next = tokens.get(Math.min(pos + 1, tokens.size() - 1));
        return w.equals("not") && next.kind() == Token.Kind.WORD
                && PREDICATE_WORDS.contains(next.text().toLowerCase(java.util.Locale.ROOT));
    }

    private Token field(Token t) {
        if (t.kind() == Token.Kind.WORD && !FIELD.matcher(t.text()).matches()) {
            throw new FilterSyntaxException("'" + t.text() + "' is not a field name (quote it if it has odd characters)", t.column());
        }
        return t;
    }

    private Filter predicate(Token field) {
        Token op = next();
        String name = field.text();
        int col = field.column();
        if (op.kind() == Token.Kind.OPERATOR) {
            Filter.Operator operator = Filter.Operator.named(op.text())
                    .orElseThrow(() -> new FilterSyntaxException("unknown operator '" + op.text() + "'", op.column()));
            return new Filter.Comparison(name, operator, value(op), col);
        }
        String word = op.text().toLowerCase(java.util.Locale.ROOT);
        return switch (word) {
            case "not" -> new Filter.Not(predicate(field));
            case "contains", "startswith", "endswith" ->
                    new Filter.Comparison(name, Filter.Operator.named(word).orElseThrow(), value(op), col);
            case "exists" -> new Filter.Exists(name, col);
            case "matches" -> matches(name, col, op);
            default -> in(name, col, op);
        };
    }

    private Filter matches(String field, int col, Token op) {
        Token re = next();
        if (re.kind() != Token.Kind.REGEX && re.kind() != Token.Kind.STRING) {
            throw new FilterSyntaxException("expected /regex/ after 'matches'", re.column());
        }
        try {
            Pattern.compile(re.text());
        } catch (PatternSyntaxException e) {
            throw new FilterSyntaxException("invalid regex: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""), re.column());
        }
        return new Filter.Matches(field, re.text(), col);
    }

    private Filter in(String field, int col, Token op) {
        Token open = peek();
        List<Token> items = new ArrayList<>();
        if (open.kind() == Token.Kind.LBRACKET) {
            pos++;
            if (peek().kind() == Token.Kind.RBRACKET) {
                throw new FilterSyntaxException("empty list after 'in'", peek().column());
            }
            while (true) {
                Token item = peek();
                value(tokens.get(pos - 1)); // names the '[' or ',' it follows
                items.add(item);
                Token sep = next();
                if (sep.kind() == Token.Kind.RBRACKET) {
                    break;
                }
                if (sep.kind() == Token.Kind.END) {
                    throw new FilterSyntaxException("unclosed '[' opened at column " + open.column(), open.column());
                }
                if (sep.kind() != Token.Kind.COMMA) {
                    throw new FilterSyntaxException("expected ',' or ']' in the list, found " + sep.describe(), sep.column());
                }
            }
        } else {
            Token item = peek();
            value(op);
            items.add(item);
        }
        List<Filter> parts = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (Token item : items) {
            Optional<Cidr> cidr = item.kind() == Token.Kind.WORD ? Cidr.parse(item.text()) : Optional.empty();
            if (cidr.isPresent()) {
                parts.add(new Filter.InCidr(field, cidr.get(), col));
            } else if (item.kind() == Token.Kind.WORD && looksLikeCidr(item.text())) {
                throw new FilterSyntaxException("'" + item.text() + "' is not a CIDR block (e.g. 10.0.0.0/8)", item.column());
            } else {
                plain.add(item.text());
            }
        }
        if (!plain.isEmpty()) {
            parts.add(0, new Filter.In(field, plain, col));
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    private static boolean looksLikeCidr(String text) {
        return text.matches("[0-9a-fA-F:.]+/[0-9]*") && (text.indexOf('.') > 0 || text.indexOf(':') >= 0);
    }

    /** The value after {@code op}: a bare word that is not a keyword, or a quoted string. */
    private String value(Token op) {
        Token v = next();
        boolean keyword = v.isWord("and") || v.isWord("or") || v.isWord("not");
        if ((v.kind() != Token.Kind.WORD && v.kind() != Token.Kind.STRING) || keyword) {
            throw new FilterSyntaxException("expected a value after '" + op.text() + "'"
                    + (v.kind() == Token.Kind.END ? "" : ", found " + v.describe()
                    + (keyword ? " (quote it to use it as a value)" : "")), v.column());
        }
        return v.text();
    }

    private FilterSyntaxException unknownOperator(Token field, Token word) {
        String hint = SUGGESTIONS.get(word.text().toLowerCase(java.util.Locale.ROOT));
        if (hint != null) {
            return new FilterSyntaxException("unknown operator '" + word.text() + "'; did you mean '" + hint + "'?",
                    word.column());
        }
        return new FilterSyntaxException("expected an operator after " + field.describe()
                + " (= != < <= > >= contains startswith endswith matches in exists), found " + word.describe()
                + "; to search for a phrase, quote it", word.column());
    }

    private FilterSyntaxException unexpectedAfterCondition(Token t, String alternative) {
        String hint = SUGGESTIONS.get(t.text().toLowerCase(java.util.Locale.ROOT));
        if (hint != null && (hint.equals("and") || hint.equals("or"))) {
            return new FilterSyntaxException("unknown operator '" + t.text() + "'; did you mean '" + hint + "'?", t.column());
        }
        return new FilterSyntaxException("expected 'and', 'or' or " + alternative + ", found " + t.describe(), t.column());
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.END) {
            pos++;
        }
        return t;
    }
}
