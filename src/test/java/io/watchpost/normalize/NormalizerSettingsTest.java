package io.watchpost.normalize;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizerSettingsTest {

    private static NormalizerSettings example() throws IOException {
        try (InputStream in = NormalizerSettingsTest.class.getResourceAsStream("/normalize/normalizer.yaml")) {
            return NormalizerSettings.load(in);
        }
    }

    @Test
    void exampleFileLoadsAndResolvesExactBeforePrefix() throws IOException {
        NormalizerSettings s = example();
        assertEquals(4, s.logGroups().size());
        assertEquals(ParserChoice.TEXT, s.resolve("/aws/cloudtrail/noisy-debug").parser());
        assertEquals(ParserChoice.CLOUDTRAIL, s.resolve("/aws/cloudtrail/management").parser());
        assertEquals(ParserChoice.LAMBDA, s.resolve("/aws/lambda/payments-api").parser());
        assertEquals(ParserChoice.AUTO, s.resolve("/app/orders").parser());
        assertEquals(21, s.resolve("/aws/vpc/flowlogs-v5").vpcFlow().size());
    }

    @Test
    void customFlowFormatAndOverridesApply() throws IOException {
        Normalizer n = new Normalizer(Clock.systemUTC(), example());
        Event flow = n.normalize(Datasets.raw("/aws/vpc/flowlogs-v5", 0,
                "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 1566848875 1566848933 ACCEPT 2 OK"));
        assertNull(flow.parseError());
        assertEquals("43416", flow.fields().get("source.port"));
        assertEquals("568", flow.fields().get("network.bytes"));
        assertEquals("2", flow.fields().get("tcp-flags"));

        Event truncated = n.normalize(Datasets.raw("/aws/vpc/flowlogs-v5", 0, "3 vpc-abc subnet-aaa"));
        assertTrue(truncated.parseError().startsWith("VPC flow record with 3 values"), truncated.parseError());

        Event notJson = n.normalize(Datasets.raw("/aws/cloudtrail/management", 0, "hello"));
        assertEquals("expected JSON for parser cloudtrail", notJson.parseError());

        Event text = n.normalize(Datasets.raw("/aws/cloudtrail/noisy-debug", 0, "{\"eventVersion\":\"1.08\"}"));
        assertEquals(SourceTypes.TEXT, text.sourceType());
        assertNull(text.parseError());

        Event appInLambdaGroup = n.normalize(Datasets.raw("/aws/lambda/x", 0, "{\"level\":\"error\",\"message\":\"boom\"}"));
        assertEquals(SourceTypes.JSON, appInLambdaGroup.sourceType());
        assertEquals(Severity.ERROR, appInLambdaGroup.severity());
    }

    @Test
    void typosFailAtLoad() {
        assertThrows(IOException.class, () -> NormalizerSettings.load(new ByteArrayInputStream(
                "logGroups:\n  - name: /x\n    parser: cloudtrial\n".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IOException.class, () -> NormalizerSettings.load(new ByteArrayInputStream(
                "logGroups:\n  - name: /x\n    vpcFlowFormat: version srcadr\n".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IOException.class, () -> NormalizerSettings.load(new ByteArrayInputStream(
                "logGroups:\n  - nmae: /x\n".getBytes(StandardCharsets.UTF_8))));
    }
}
