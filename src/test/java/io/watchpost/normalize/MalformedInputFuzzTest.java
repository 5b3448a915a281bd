package io.watchpost.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing: mutations of real records (truncations, character flips, inserted quotes and braces, U+FFFD and
 * lone surrogates as invalid UTF-8 arrives in Java strings, control characters, 256 KB and deeply nested inputs).
 * None may throw, every raw must come back exactly, and well-formed text nobody recognises must not be an error.
 */
class MalformedInputFuzzTest {

    private static final int MUTATIONS = 120_000;
    private static final String[] INSERTS = {"\"", "{", "}", "[", "]", ":", ",", "\\", "\uFFFD", "\uD800", "\uDC00",
            "\u0000", "\u0001", "\u001b", "\n", "\t", " ", "<", ">", "\u00e9"};

    private final Normalizer normalizer = Datasets.normalizer();

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (String file : List.of("cloudtrail.jsonl", "vpcflow.jsonl", "auth.jsonl", "lambda.jsonl", "app.jsonl")) {
            List<String> lines = Datasets.lines(Path.of(System.getProperty("user.dir"), "sample-data", file));
            for (int i = 0; i < lines.size(); i += Math.max(1, lines.size() / 40)) {
                JsonNode n = Datasets.json(lines.get(i));
                seeds.add(n.get("message").asText());
            }
        }
        seeds.add("<34>1 2025-11-24T08:00:00.123Z host app 12 ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"App\"] hello");
        seeds.add("{\"version\":\"0\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\",\"detail\":{\"type\":\"Recon:EC2/PortProbeUnprotectedPort\",\"severity\":5}}");
        return seeds;
    }

    private static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int ops = 1 + r.nextInt(4);
        for (int k = 0; k < ops && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(6)) {
                case 0 -> b.setLength(at); // truncation
                case 1 -> b.setCharAt(at, (char) (b.charAt(at) ^ (1 << r.nextInt(8)))); // bit flip
                case 2 -> b.insert(at, INSERTS[r.nextInt(INSERTS.length)]);
                case 3 -> b.deleteCharAt(at);
                case 4 -> b.setCharAt(at, (char) r.nextInt(0x20)); // control character
                default -> b.insert(at, b.substring(at, Math.min(b.length(), at + r.nextInt(40))));
            }
        }
        return b.toString();
    }

    @Test
    void mutatedRecordsNeverThrowAndKeepTheirRaw() {
        List<String> seeds = seeds();
        Random r = new Random(20251124L);
        int flagged = 0;
        int internal = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String input = mutate(seeds.get(r.nextInt(seeds.size())), r);
            Event e = normalizer.normalize(Datasets.raw(r.nextBoolean() ? "/g" : "/aws/vpc/flowlogs", 1_763_971_200_000L, input));
            assertEquals(input, e.raw());
            assertNotNull(e.sourceType());
            assertNotNull(e.eventTime());
            flagged += e.hasParseError() ? 1 : 0;
            internal += e.hasParseError() && e.parseError().startsWith("parser failure") ? 1 : 0;
        }
        assertTrue(flagged > MUTATIONS / 10, "many mutations break JSON: " + flagged);
        assertEquals(0, internal, "no parser may need the safety net");
    }

    @Test
    void hugeAndDeepInputs() {
        String big = "{\"msg\":\"" + "x".repeat(256 * 1024 - 20) + "\"}";
        Event ok = normalizer.normalize(Datasets.raw("/g", 0, big));
        assertNull(ok.parseError());
        assertEquals(big, ok.raw());

        String truncated = big.substring(0, big.length() - 3);
        Event cut = normalizer.normalize(Datasets.raw("/g", 0, truncated));
        assertNotNull(cut.parseError());
        assertEquals(truncated, cut.raw());

        for (String deep : List.of("{\"a\":" + "[".repeat(100_000), "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000),
                "{\"a\":" + "[".repeat(70) + "]".repeat(70) + "}")) {
            Event e = normalizer.normalize(Datasets.raw("/g", 0, deep));
            assertNotNull(e.parseError());
            assertEquals(deep, e.raw());
        }

        String hugeText = "Nov 24 08:00:01 host sshd[1]: Failed password for " + "a".repeat(256 * 1024) + " from 1.2.3.4 port 5 ssh2";
        Event line = normalizer.normalize(Datasets.raw("/g", 1_763_971_200_000L, hugeText));
        assertNull(line.parseError());
        assertEquals("1.2.3.4", line.sourceIp());

        String spaces = "2 " + " ".repeat(200_000) + "OK";
        assertEquals(spaces, normalizer.normalize(Datasets.raw("/g", 0, spaces)).raw());
    }

    @Test
    void unknownButWellFormedTextIsNotAnError() {
        Random r = new Random(7);
        String[] words = {"payment", "queue", "drained", "retry", "GET", "/health", "200", "ms", "cache", "hit", "ok",
                "worker", "started", "Nov", "2", "12:00", "-", "[x]", "é", "\uFFFD"};
        for (int i = 0; i < 10_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = 0, n = 1 + r.nextInt(15); w < n; w++) {
                b.append(words[r.nextInt(words.length)]).append(' ');
            }
            String line = b.toString().trim();
            Event e = normalizer.normalize(Datasets.raw("/g", 0, line));
            assertNull(e.parseError(), line);
            assertEquals(line, e.raw());
        }
        for (String s : List.of("", " ", "\n", "\uFFFD\uFFFD", "\uD800 lone surrogate", "control \u0007 bell", "}{", "[1,2]")) {
            Event e = normalizer.normalize(Datasets.raw("/g", 0, s));
            assertNull(e.parseError(), s);
            assertFalse(e.sourceType().isEmpty());
        }
        Event nullMessage = normalizer.normalize(new RawLogEvent("/g", null, null, 0, 0, null));
        assertEquals("", nullMessage.raw());
    }
}
