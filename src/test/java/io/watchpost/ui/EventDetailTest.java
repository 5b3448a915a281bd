package io.watchpost.ui;

import io.watchpost.normalize.Event;
import io.watchpost.store.StoredEvent;
import io.watchpost.ui.events.EventDetail;
import io.watchpost.ui.events.EventRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventDetailTest {

    private static final Instant TIME = Instant.parse("2024-05-01T12:34:56.789Z");

    @Test
    void jsonIsPrettyPrintedAndFieldsAreListed() {
        Event trail = TestEvents.cloudTrail(4, TIME);
        EventDetail detail = EventDetail.of(new StoredEvent(42, trail));
        assertTrue(detail.raw().startsWith("{\n  \"eventVersion\" : \"1.08\""), detail.raw());
        assertTrue(detail.fields().contains("userIdentity.userName:"), detail.fields());
        assertTrue(detail.fields().contains("eventTime:  2024-05-01 12:34:56.789 UTC"), detail.fields());
        assertTrue(detail.summary().contains("#42"));
        assertNull(detail.parseError());
    }

    @Test
    void malformedJsonStaysExactlyAsReceivedAndIsFlagged() {
        Event broken = TestEvents.parseError(1, TIME);
        EventDetail detail = EventDetail.of(new StoredEvent(7, broken));
        assertEquals(broken.raw(), detail.raw());
        assertEquals(broken.parseError(), detail.parseError());
        assertTrue(detail.fields().contains("parseError:"));
    }

    @Test
    void rowsFormatTimeInUtcAndKeepMessagesOnOneLine() {
        Event multiLine = new Event(TIME, TIME, "/g", "s", "id-1", "text", io.watchpost.normalize.Severity.ERROR,
                null, null, null, null, "first line\nsecond line", "first line\nsecond line", null, null);
        EventRow row = EventRow.of(new StoredEvent(1, multiLine));
        assertEquals("2024-05-01 12:34:56.789", row.time());
        assertEquals("first line second line", row.message());
        assertEquals("", row.user());
    }
}
