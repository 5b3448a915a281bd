package io.watchpost.ui.explorer;

import io.watchpost.store.TimeRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure pieces behind the filter bar and pivots: completion context, filter edits, ranges, checks. */
class FilterHelpersTest {

    @Test
    void completionKnowsWhetherAFieldOrAValueIsBeingTyped() {
        FilterCompletion field = FilterCompletion.at("event.outcome = failure and user.na", 35);
        assertEquals(FilterCompletion.Kind.FIELD, field.kind());
        assertEquals("user.na", field.prefix());
        assertEquals("event.outcome = failure and user.name", field.apply("event.outcome = failure and user.na", "user.name"));

        FilterCompletion value = FilterCompletion.at("user.name = al", 14);
        assertEquals(FilterCompletion.Kind.VALUE, value.kind());
        assertEquals("user.name", value.field());
        assertEquals("al", value.prefix());
        assertEquals("user.name = alice", value.apply("user.name = al", "alice"));

        FilterCompletion inList = FilterCompletion.at("event.action in [ConsoleLogin, Assu", 35);
        assertEquals(FilterCompletion.Kind.VALUE, inList.kind());
        assertEquals("event.action", inList.field());
        assertEquals("Assu", inList.prefix());

        FilterCompletion contains = FilterCompletion.at("message contains \"fail", 22);
        assertEquals(FilterCompletion.Kind.VALUE, contains.kind());
        assertEquals("fail", contains.prefix());

        assertEquals(FilterCompletion.Kind.FIELD, FilterCompletion.at("", 0).kind());
    }

    @Test
    void pivotsQuoteWhatTheGrammarWouldMisreadAndKeepOrTogether() {
        assertEquals("user.name = alice", FilterEdits.filterFor("", "user.name", "alice"));
        assertEquals("a = 1 and message = \"failed password\"", FilterEdits.filterFor("a = 1", "message", "failed password"));
        assertEquals("(a = 1 or b = 2) and not user.name = \"and\"", FilterEdits.filterOut("a = 1 or b = 2", "user.name", "and"));
        assertEquals("x = \"say \\\"hi\\\"\"", FilterEdits.equalsCondition("x", "say \"hi\""));
        for (String v : new String[]{"alice", "failed password", "and", "a\"b", "10.0.0.0/8", "/aws/lambda/x", ""}) {
            assertTrue(FilterCheck.of(FilterEdits.filterFor("severity >= info", "user.name", v)).valid(), v);
        }
    }

    @Test
    void rangesResolveAndRoundTripThroughSavedSearches() {
        long now = 1_000_000_000_000L;
        TimeRange hour = RangeChoice.of(TimePreset.LAST_1_HOUR).resolve(now, () -> TimeRange.ALL);
        assertEquals(now - 3_600_000L, hour.fromMillis());
        assertEquals(now + 1, hour.toMillis());
        TimeRange cached = new TimeRange(5, 10);
        assertEquals(cached, RangeChoice.of(TimePreset.ALL_CACHED).resolve(now, () -> cached));
        RangeChoice abs = RangeChoice.between(1_700_000_000_000L, 1_700_000_360_000L);
        assertEquals(abs, RangeChoice.parse(abs.spec()));
        assertEquals(RangeChoice.of(TimePreset.LAST_7_DAYS), RangeChoice.parse(RangeChoice.of(TimePreset.LAST_7_DAYS).spec()));
        assertEquals(RangeChoice.of(TimePreset.ALL_CACHED), RangeChoice.parse("garbage"));
        assertEquals(1_763_971_200_000L, (long) EventTimes.parse("2025-11-24 08:00").orElseThrow());
        assertEquals(1_763_971_200_000L, (long) EventTimes.parse("2025-11-24T08:00:00Z").orElseThrow());
        assertFalse(EventTimes.parse("yesterday").isPresent());
    }

    @Test
    void aBadFilterSaysWhatAndWhere() {
        FilterCheck bad = FilterCheck.of("user like bob");
        assertFalse(bad.valid());
        assertEquals(6, bad.column());
        assertTrue(bad.message().endsWith("(column 6)"), bad.message());
        assertTrue(FilterCheck.of("  ").valid());
    }
}
