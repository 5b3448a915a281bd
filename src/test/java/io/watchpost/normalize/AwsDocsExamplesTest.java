package io.watchpost.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** AWS's own documented CloudTrail and VPC Flow Log examples (../shared/datasets/awsdocs-format-examples). */
class AwsDocsExamplesTest {

    private final Normalizer normalizer = Datasets.normalizer();

    private Map<String, Event> cloudTrailBySection() {
        Map<String, Event> out = new HashMap<>();
        for (String line : Datasets.lines(Datasets.file("awsdocs-format-examples/cloudtrail-examples.jsonl"))) {
            JsonNode n = Datasets.json(line);
            Event e = normalizer.normalize(Datasets.raw("/aws/cloudtrail", 0, n.get("record").toString()));
            assertNull(e.parseError(), n.get("section").asText());
            assertEquals(SourceTypes.CLOUDTRAIL, e.sourceType(), n.get("section").asText());
            out.putIfAbsent(n.get("section").asText(), e);
        }
        assertEquals(15, out.size(), "distinct sections");
        return out;
    }

    @Test
    void everyDocumentedCloudTrailRecordParses() {
        Map<String, Event> s = cloudTrailBySection();
        Event failed = s.get("IAM user, unsuccessful sign-in");
        assertEquals("anaya", failed.user());
        assertEquals("192.0.2.0", failed.sourceIp());
        assertEquals("ConsoleLogin", failed.action());
        assertEquals("failure", failed.outcome());
        assertEquals("true", failed.fields().get("aws.cloudtrail.mfa_used"));
        assertEquals("authentication", failed.fields().get("event.category"));
        assertEquals(Severity.WARNING, failed.severity());
        assertEquals(Instant.parse("2022-11-10T16:24:34Z"), failed.eventTime());

        Event rootNoMfa = s.get("Root user, successful sign-in without MFA");
        assertEquals("root", rootNoMfa.user());
        assertEquals("success", rootNoMfa.outcome());
        assertEquals("false", rootNoMfa.fields().get("aws.cloudtrail.mfa_used"));
        assertEquals("Root", rootNoMfa.fields().get("aws.cloudtrail.user_identity.type"));
        assertEquals(Severity.INFO, rootNoMfa.severity(), "root activity is detection's job, not severity's");

        assertEquals("true", s.get("Root user, successful sign-in with MFA").fields().get("aws.cloudtrail.mfa_used"),
                "MFAUsed written as YES");

        Event updateTrail = s.get("Error code and message log example");
        assertEquals("UpdateTrail", updateTrail.action());
        assertEquals("failure", updateTrail.outcome());
        assertEquals("TrailNotFoundException", updateTrail.fields().get("aws.cloudtrail.error_code"));

        Event insight = s.get("CloudTrail Insights event log example");
        assertEquals("unknown", insight.outcome());

        Event rotate = s.get("AWS service events");
        assertEquals("RotateKey", rotate.action());
    }

    @Test
    void defaultFormatFlowRecords() {
        List<String> lines = Datasets.lines(Datasets.file("awsdocs-format-examples/vpcflow-default-v2.log"));
        for (String line : lines) {
            Event e = normalizer.normalize(Datasets.raw("/vpc", 0, line));
            assertNull(e.parseError(), line);
            assertEquals(SourceTypes.VPC_FLOW, e.sourceType(), line);
        }
        Event rdp = normalizer.normalize(Datasets.raw("/vpc", 0, lines.get(1)));
        assertEquals("REJECT", rdp.action());
        assertEquals("failure", rdp.outcome());
        assertEquals("172.31.9.69", rdp.sourceIp());
        assertEquals("49761", rdp.fields().get("source.port"));
        assertEquals("172.31.9.12", rdp.fields().get("destination.ip"));
        assertEquals("3389", rdp.fields().get("destination.port"));
        assertEquals("tcp", rdp.fields().get("network.transport"));
        assertEquals("4249", rdp.fields().get("network.bytes"));
        assertEquals("20", rdp.fields().get("network.packets"));
        assertEquals("123456789010", rdp.fields().get("cloud.account.id"));
        assertEquals("3389", rdp.fields().get("dstport"), "the original name stays queryable");
        assertEquals(Instant.ofEpochSecond(1418530010), rdp.eventTime());

        Event noData = normalizer.normalize(Datasets.raw("/vpc", 0, lines.get(2)));
        assertEquals("NODATA", noData.action());
        assertEquals("unknown", noData.outcome());
        assertNull(noData.fields().get("srcaddr"), "'-' is no value");

        for (String line : lines) {
            Event e = normalizer.normalize(Datasets.raw("/vpc", 0, line));
            if (line.contains(" 1 ")) {
                assertEquals("icmp", e.fields().get("network.transport"), line);
            }
        }
    }

    /** The custom-format files start with their field list: exactly what a log group's setting holds. */
    private List<Event> custom(String file) {
        List<String> lines = Datasets.lines(Datasets.file("awsdocs-format-examples/" + file));
        NormalizerSettings settings = new NormalizerSettings(List.of(
                new NormalizerSettings.LogGroupRule("/vpc/custom", null, null, lines.get(0))));
        Normalizer n = new Normalizer(settings);
        return lines.subList(1, lines.size()).stream().map(l -> n.normalize(Datasets.raw("/vpc/custom", 0, l))).toList();
    }

    @Test
    void customFormatsConfiguredPerLogGroup() {
        for (String f : List.of("vpcflow-custom-tcp-flag-sequence.log", "vpcflow-custom-traffic-through-a-nat-gateway.log",
                "vpcflow-custom-traffic-through-a-transit-gateway.log",
                "vpcflow-custom-service-name-traffic-path-and-flow-direction.log")) {
            for (Event e : custom(f)) {
                assertNull(e.parseError(), f + ": " + e.raw());
                assertEquals(SourceTypes.VPC_FLOW, e.sourceType(), f);
            }
        }
        Event synAck = custom("vpcflow-custom-tcp-flag-sequence.log").get(1);
        assertEquals("18", synAck.fields().get("tcp-flags"));
        assertEquals("5001", synAck.fields().get("source.port"));
        assertEquals("376", synAck.fields().get("network.bytes"));
        assertEquals("ACCEPT", synAck.action());

        Event nat = custom("vpcflow-custom-traffic-through-a-nat-gateway.log").get(0);
        assertEquals("203.0.113.5", nat.fields().get("pkt-dstaddr"));
        assertNull(nat.outcome() == null ? null : nat.fields().get("instance-id"));

        Event egress = custom("vpcflow-custom-service-name-traffic-path-and-flow-direction.log").get(1);
        assertEquals("egress", egress.fields().get("network.direction"));
        assertEquals("S3", egress.fields().get("pkt-dst-aws-service"));
        assertEquals("ap-southeast-2", egress.fields().get("cloud.region"));
        assertEquals("ipv4", egress.fields().get("network.type"));
    }
}
