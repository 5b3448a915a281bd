package io.watchpost.query;

import io.watchpost.store.SqlWhere;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqlCompilerTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-11-24T12:00:00Z"), ZoneOffset.UTC);

    private static SqlWhere sql(String filter) {
        return SqlCompiler.compile(FilterParser.parse(filter), NOW);
    }

    @Test
    void columnsCompareDirectlyAndJsonFieldsUsePrefilterThenExactValue() {
        SqlWhere w = sql("Event.Action = ConsoleLogin AND userIdentity.arn = \"a_b%\"");
        assertEquals("((action = ?) AND (fields ILIKE ? ESCAPE '\\' AND WP_FIELD(fields, ?) = ?))", w.sql());
        assertEquals(List.of("ConsoleLogin", "%\"userIdentity.arn\":\"a\\_b\\%\"%", "userIdentity.arn", "a_b%"), w.params());
    }

    @Test
    void timesAreEpochMillisIsoOrRelative() {
        assertEquals(List.of(1000L), sql("eventTime = 1000").params());
        assertEquals("(event_time > ?)", sql("@timestamp > 2025-11-24T08:00:00Z").sql());
        assertEquals(List.of(1_763_971_200_000L), sql("@timestamp > 2025-11-24T08:00:00Z").params());
        assertEquals(List.of(Instant.parse("2025-11-24T11:45:00Z").toEpochMilli()), sql("@timestamp >= now-15m").params());
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> sql("x=1 AND eventTime = yesterday"));
        assertEquals(9, e.column());
        assertEquals("'yesterday' is not a time (ISO-8601, epoch milliseconds, or now-15m)", e.problem());
        assertEquals(1, assertThrows(FilterSyntaxException.class, () -> sql("@timestamp contains 2025")).column());
    }

    @Test
    void numbersCompareAsNumbersTextAsText() {
        assertEquals("(fields ILIKE ? ESCAPE '\\' AND WP_NUMBER(WP_FIELD(fields, ?)) >= ?)", sql("source.port >= 1024").sql());
        assertEquals(List.of("%\"source.port\":%", "source.port", 1024.0), sql("source.port >= 1024").params());
        assertEquals("(fields ILIKE ? ESCAPE '\\' AND WP_FIELD(fields, ?) > ?)", sql("name > m").sql());
    }

    @Test
    void textOperatorsIgnoreCaseAndEscapeLike() {
        assertEquals("(message ILIKE ? ESCAPE '\\')", sql("message contains 100%").sql());
        assertEquals(List.of("%100\\%%"), sql("message contains 100%").params());
        assertEquals(List.of("a\\_b%"), sql("user startswith a_b").params());
        assertEquals(List.of("%.exe"), sql("user endswith .exe").params());
        assertEquals(List.of("%denied%"), sql("denied").params());
    }

    @Test
    void negationIsPushedToTwoValuedLeaves() {
        assertEquals("(NOT COALESCE((action = ?), FALSE) OR NOT COALESCE((outcome = ?), FALSE))",
                sql("not (action = a and outcome = b)").sql());
        assertEquals("NOT COALESCE((outcome = ?), FALSE)", sql("outcome != failure").sql());
        assertEquals("(outcome = ?)", sql("not not outcome = failure").sql());
    }

    @Test
    void cidrOnSourceIpUsesTheIndexedNumberElseTheFunction() {
        assertEquals("(source_ip_v4 BETWEEN ? AND ?)", sql("source.ip in 10.0.0.0/8").sql());
        assertEquals(List.of(0x0A000000L, 0x0AFFFFFFL), sql("source.ip in 10.0.0.0/8").params());
        assertEquals("WP_IN_CIDR(source_ip, ?)", sql("source.ip in 2001:db8::/32").sql());
        assertEquals("(fields ILIKE ? ESCAPE '\\' AND WP_IN_CIDR(WP_FIELD(fields, ?), ?))", sql("destination.ip in 10.0.0.0/8").sql());
    }

    @Test
    void severityIsOrderedAndCaseInsensitive() {
        assertEquals("(severity IN (?, ?))", sql("severity >= error").sql());
        assertEquals(List.of("ERROR", "CRITICAL"), sql("severity >= error").params());
        assertEquals(List.of("WARNING"), sql("log.level = warning").params());
        assertEquals(1, assertThrows(FilterSyntaxException.class, () -> sql("severity > loud")).column());
    }

    @Test
    void userTextNeverReachesTheSqlText() {
        String evil = "x'); DROP TABLE events; --";
        for (String f : List.of("action = \"" + evil + "\"", "k = \"" + evil + "\"", "\"" + evil + "\"",
                "k in [\"" + evil + "\"]", "k matches \"" + evil.replace("(", "\\\\(").replace(")", "\\\\)") + "\"")) {
            assertFalse(sql(f).sql().contains("DROP"), f);
        }
    }
}
