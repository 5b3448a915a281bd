package io.watchpost.normalize;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizerTest {

    private final Instant now = Instant.parse("2025-11-24T10:00:00Z");
    private final Normalizer normalizer = new Normalizer(Clock.fixed(now, ZoneOffset.UTC));

    private Event normalize(String message) {
        return normalizer.normalize(new RawLogEvent("/g", "s", "id-1", 1_700_000_000_000L, 1_700_000_000_500L, message));
    }

    @Test
    void cloudTrailRecordLiftsItsCommonFields() {
        Event e = normalize("""
                {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice",
                "userName":"alice","sessionContext":{"attributes":{"mfaAuthenticated":"false"}}},
                "eventTime":"2025-11-24T08:01:02Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",
                "sourceIPAddress":"203.0.113.7","responseElements":{"ConsoleLogin":"Failure"},
                "errorMessage":"Failed authentication","resources":[{"ARN":"a"},{"ARN":"b"}],"requestParameters":null}""");
        assertEquals("cloudtrail", e.sourceType());
        assertEquals("ConsoleLogin", e.action());
        assertEquals("failure", e.outcome());
        assertEquals("alice", e.user());
        assertEquals("203.0.113.7", e.sourceIp());
        assertEquals(Instant.parse("2025-11-24T08:01:02Z"), e.eventTime());
        assertEquals(now, e.ingestTime());
        assertEquals("false", e.fields().get("userIdentity.sessionContext.attributes.mfaAuthenticated"));
        assertEquals("b", e.fields().get("resources.1.ARN"));
        assertFalse(e.fields().containsKey("requestParameters"), "null values are absent");
        assertEquals(Severity.WARNING, e.severity());
        assertNull(e.parseError());
    }

    @Test
    void rootIdentityIsNamedRoot() {
        Event e = normalize("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::1:root\"},"
                + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"eventTime\":\"2025-11-24T08:00:00Z\"}");
        assertEquals("root", e.user());
        assertEquals("success", e.outcome());
    }

    @Test
    void applicationJsonTakesLevelMessageAndTime() {
        Event e = normalize("{\"timestamp\":\"2025-11-24T09:00:00.250Z\",\"level\":\"warn\",\"msg\":\"slow\",\"http\":{\"status\":503}}");
        assertEquals("json", e.sourceType());
        assertEquals(Severity.WARNING, e.severity());
        assertEquals("slow", e.message());
        assertEquals("503", e.fields().get("http.status"));
        assertEquals(Instant.parse("2025-11-24T09:00:00.250Z"), e.eventTime());
    }

    @Test
    void plainTextKeepsTheLineAndGuessesSeverity() {
        Event e = normalize("2025-11-24 ERROR payment failed for order 17");
        assertEquals("text", e.sourceType());
        assertEquals(Severity.ERROR, e.severity());
        assertEquals(e.raw(), e.message());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), e.eventTime(), "CloudWatch's timestamp when the text has none");
    }

    @Test
    void malformedJsonIsKeptRawAndFlagged() {
        String broken = "{\"level\":\"INFO\",\"message\":\"cut here";
        Event e = normalize(broken);
        assertEquals(broken, e.raw());
        assertNotNull(e.parseError());
        assertTrue(e.parseError().startsWith("malformed JSON"), e.parseError());
        assertTrue(e.hasParseError());
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        Event e = normalize(deep);
        assertNotNull(e.parseError());
        assertEquals(deep, e.raw());
    }

    @Test
    void trailingGarbageAfterJsonIsAnError() {
        assertNotNull(normalize("{\"a\":1} trailing").parseError());
    }
}
