package io.watchpost.query;

import io.watchpost.query.Filter.And;
import io.watchpost.query.Filter.Comparison;
import io.watchpost.query.Filter.Exists;
import io.watchpost.query.Filter.FreeText;
import io.watchpost.query.Filter.In;
import io.watchpost.query.Filter.InCidr;
import io.watchpost.query.Filter.Matches;
import io.watchpost.query.Filter.Not;
import io.watchpost.query.Filter.Operator;
import io.watchpost.query.Filter.Or;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterParserTest {

    private static Comparison eq(String field, String value, int column) {
        return new Comparison(field, Operator.EQ, value, column);
    }

    @Test
    void firstFormStillReads() {
        Filter f = FilterParser.parse("event.action = ConsoleLogin and user.name != \"bob smith\" AND x==\"a\\\"b\"");
        assertEquals(new And(List.of(
                eq("event.action", "ConsoleLogin", 1),
                new Comparison("user.name", Operator.NE, "bob smith", 33),
                eq("x", "a\"b", 62))), f);
    }

    @Test
    void blankIsEverything() {
        assertEquals(Filter.ALL, FilterParser.parse("  "));
        assertEquals(Filter.ALL, FilterParser.parse(null));
    }

    @Test
    void everyOperator() {
        assertEquals(new Comparison("a", Operator.LT, "1", 1), FilterParser.parse("a < 1"));
        assertEquals(new Comparison("a", Operator.LE, "1", 1), FilterParser.parse("a<=1"));
        assertEquals(new Comparison("a", Operator.GT, "1", 1), FilterParser.parse("a>1"));
        assertEquals(new Comparison("a", Operator.GE, "1", 1), FilterParser.parse("a >= 1"));
        assertEquals(new Comparison("a", Operator.EQ, "1", 1), FilterParser.parse("a == 1"));
        assertEquals(new Comparison("msg", Operator.CONTAINS, "x y", 1), FilterParser.parse("msg CONTAINS 'x y'"));
        assertEquals(new Comparison("msg", Operator.STARTS_WITH, "ab", 1), FilterParser.parse("msg startsWith ab"));
        assertEquals(new Comparison("msg", Operator.ENDS_WITH, "ab", 1), FilterParser.parse("msg EndsWith ab"));
        assertEquals(new Matches("ua", "^curl/\\d+", 1), FilterParser.parse("ua matches /^curl\\/\\d+/"));
        assertEquals(new Matches("ua", "a b", 1), FilterParser.parse("ua matches \"a b\""));
        assertEquals(new In("action", List.of("a", "b c"), 1), FilterParser.parse("action in [a, \"b c\"]"));
        assertEquals(new In("action", List.of("a"), 1), FilterParser.parse("action in a"));
        assertEquals(new Exists("errorCode", 1), FilterParser.parse("errorCode exists"));
        assertEquals(new FreeText("denied", 1), FilterParser.parse("denied"));
        assertEquals(new FreeText("failed password", 1), FilterParser.parse("\"failed password\""));
    }

    @Test
    void cidrBlocksInAndInLists() {
        InCidr ten = (InCidr) FilterParser.parse("source.ip in 10.0.0.0/8");
        assertEquals("10.0.0.0/8", ten.network().text());
        assertTrue(ten.network().contains("10.255.1.2") && !ten.network().contains("11.0.0.1"));
        Or mixed = (Or) FilterParser.parse("source.ip in [1.2.3.4, 192.168.0.0/16, 2001:db8::/32]");
        assertEquals(new In("source.ip", List.of("1.2.3.4"), 1), mixed.parts().get(0));
        assertTrue(((InCidr) mixed.parts().get(2)).network().contains("2001:db8::1"));
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        Filter a = eq("a", "1", 1);
        // a or b and not c  ==  a or (b and (not c))
        assertEquals(new Or(List.of(a, new And(List.of(eq("b", "2", 10), new Not(eq("c", "3", 24)))))),
                FilterParser.parse("a = 1 or b = 2 and not c = 3"));
        // not a and b  ==  (not a) and b
        assertEquals(new And(List.of(new Not(eq("a", "1", 5)), eq("b", "2", 15))),
                FilterParser.parse("not a = 1 and b = 2"));
        // parentheses win
        assertEquals(new And(List.of(new Or(List.of(eq("a", "1", 2), eq("b", "2", 11))), eq("c", "3", 22))),
                FilterParser.parse("(a = 1 or b = 2) and c = 3"));
        assertEquals(new Not(new Exists("x", 1)), FilterParser.parse("x not exists"));
        assertEquals(new Not(new In("x", List.of("a"), 1)), FilterParser.parse("x not in [a]"));
    }

    @Test
    void keywordsAndFieldNamesIgnoreCase() {
        assertEquals(FilterParser.parse("a = 1 and not b exists or c contains x"),
                FilterParser.parse("a = 1 AND NOT b EXISTS OR c CONTAINS x"));
        assertEquals(SqlCompiler.compile(FilterParser.parse("Event.Action = x")),
                SqlCompiler.compile(FilterParser.parse("EVENT.ACTION = x")));
    }

    @Test
    void stringEscapes() {
        assertEquals(eq("k", "a\"b'c\\d\ne\tf\u00e9", 1), FilterParser.parse("k = \"a\\\"b'c\\\\d\\ne\\tf\\u00e9\""));
        assertEquals(eq("k", "it's", 1), FilterParser.parse("k = 'it\\'s'"));
        assertEquals(eq("path", "/aws/cloudtrail", 1), FilterParser.parse("path = /aws/cloudtrail"));
    }

    /** Each wrong filter: the column and the message an analyst sees. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            source.ip in                  | 13 | expected a value after 'in'
            action in []                  | 12 | empty list after 'in'
            action in [a, b               | 11 | unclosed '[' opened at column 11
            action in [a b]               | 14 | expected ',' or ']' in the list, found 'b'
            (a = 1 or b = 2               |  1 | unclosed '(' opened at column 1
            a = 1)                        |  6 | ')' without a matching '('
            ()                            |  2 | empty parentheses
            user like bob                 |  6 | unknown operator 'like'; did you mean 'contains'?
            user ~ bob                    |  6 | unknown operator '~'; did you mean 'matches'?
            a = 1 && b = 2                |  7 | unknown operator '&&'; did you mean 'and'?
            action ConsoleLogin           |  8 | expected an operator after 'action' (= != < <= > >= contains startswith endswith matches in exists), found 'ConsoleLogin'; to search for a phrase, quote it
            action = x y = z              | 12 | expected 'and', 'or' or the end of the filter, found 'y'
            (a = 1 b)                     |  8 | expected 'and', 'or' or ')' to close the '(' at column 1, found 'b'
            action =                      |  9 | expected a value after '='
            action = and                  | 10 | expected a value after '=', found 'and' (quote it to use it as a value)
            a = 1 and                     | 10 | expected a condition after 'and'
            and a = 1                     |  1 | expected a condition before 'and'
            not                           |  4 | expected a condition after 'not'
            = x                           |  1 | expected a condition, found '='
            a ! b                         |  3 | unexpected '!'; did you mean '!=' or 'not'?
            ua matches /(unclosed/        | 12 | invalid regex: Unclosed group near index 9
            ua matches foo                | 12 | expected /regex/ after 'matches'
            ua matches /abc               | 12 | unterminated regex: the / opened at column 12 is never closed
            source.ip in 10.0.0.0/33      | 14 | '10.0.0.0/33' is not a CIDR block (e.g. 10.0.0.0/8)
            9bad = 1                      |  1 | '9bad' is not a field name (quote it if it has odd characters)
            """)
    void errorsSayWhatAndWhere(String filter, int column, String message) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(filter));
        assertEquals(message, e.problem());
        assertEquals(column, e.column());
        assertEquals(message + " (column " + column + ")", e.getMessage());
    }

    @Test
    void unterminatedStringAndBadUnicodeEscape() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("action = \"open"));
        assertEquals(10, e.column());
        assertEquals("unterminated string: the \" opened at column 10 is never closed", e.problem());
        assertEquals(7, assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("a = 'x\\u12'")).column());
    }

    @Test
    void errorsCarryNoStackTrace() {
        assertEquals(0, assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("(")).getStackTrace().length);
    }
}
