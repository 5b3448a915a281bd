package io.watchpost.query;

import io.watchpost.store.SqlWhere;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FilterParserTest {

    @Test
    void parsesComparisonsJoinedByAnd() {
        Filter f = FilterParser.parse("event.action = ConsoleLogin and user.name != \"bob smith\" AND x==\"a\\\"b\"");
        assertEquals(List.of(
                new Filter.Comparison("event.action", false, "ConsoleLogin", 1),
                new Filter.Comparison("user.name", true, "bob smith", 33),
                new Filter.Comparison("x", false, "a\"b", 62)), f.comparisons());
    }

    @Test
    void blankIsEverything() {
        assertEquals(Filter.ALL, FilterParser.parse("  "));
        assertEquals(SqlWhere.ALL, SqlCompiler.compile(FilterParser.parse(null)));
    }

    @Test
    void errorsNameTheColumn() {
        assertEquals(12, assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("action = x y = z")).column());
        assertEquals(8, assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("action ConsoleLogin")).column());
        assertEquals(10, assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("action = ")).column());
        assertEquals(10, assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("action = \"open")).column());
        assertEquals(1, assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("= x")).column());
    }

    @Test
    void knownFieldsCompileToColumnsAndOthersToTheFieldsJson() {
        SqlWhere w = SqlCompiler.compile(FilterParser.parse("Event.Action = ConsoleLogin AND userIdentity.arn = \"a_b%\""));
        assertEquals("(action = ?) AND (fields LIKE ? ESCAPE '\\')", w.sql());
        assertEquals(List.of("ConsoleLogin", "%\"userIdentity.arn\":\"a\\_b\\%\"%"), w.params());
    }

    @Test
    void timesAcceptIsoAndMillis() {
        assertEquals(List.of(1000L), SqlCompiler.compile(FilterParser.parse("eventTime = 1000")).params());
        assertEquals(List.of(1_763_971_200_000L),
                SqlCompiler.compile(FilterParser.parse("@timestamp = 2025-11-24T08:00:00Z")).params());
        assertEquals(9, assertThrows(FilterSyntaxException.class,
                () -> SqlCompiler.compile(FilterParser.parse("x=1 AND eventTime = yesterday"))).column());
    }
}
