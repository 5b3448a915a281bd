package io.watchpost.normalize;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Findings, RFC 5424, Lambda and timestamp forms the datasets do not cover. */
class FormatDetailsTest {

    private final Normalizer normalizer = Datasets.normalizer();

    private Event normalize(String message) {
        return normalizer.normalize(Datasets.raw("/g", Instant.parse("2025-01-02T00:00:00Z").toEpochMilli(), message));
    }

    @Test
    void guardDutyFindingFromEventBridge() {
        Event e = normalize("{\"version\":\"0\",\"id\":\"c8c4daa7\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\","
                + "\"account\":\"123456789012\",\"time\":\"2025-11-24T08:40:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
                + "\"detail\":{\"schemaVersion\":\"2.0\",\"accountId\":\"123456789012\",\"region\":\"us-east-1\",\"id\":\"f1\","
                + "\"type\":\"UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS\",\"severity\":8,"
                + "\"resource\":{\"resourceType\":\"AccessKey\",\"accessKeyDetails\":{\"accessKeyId\":\"ASIAEXAMPLE\",\"userName\":\"bastion-role\"}},"
                + "\"service\":{\"serviceName\":\"guardduty\",\"action\":{\"actionType\":\"AWS_API_CALL\",\"awsApiCallAction\":"
                + "{\"api\":\"GetCallerIdentity\",\"remoteIpDetails\":{\"ipAddressV4\":\"185.220.101.47\"}}}}}}");
        assertNull(e.parseError());
        assertEquals(SourceTypes.GUARDDUTY, e.sourceType());
        assertEquals("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", e.action());
        assertEquals("185.220.101.47", e.sourceIp());
        assertEquals("bastion-role", e.user());
        assertEquals(Severity.ERROR, e.severity());
        assertEquals("alert", e.fields().get("event.kind"));
        assertEquals("AccessKey", e.fields().get("aws.finding.resource_type"));
        assertEquals(Instant.parse("2025-11-24T08:40:00Z"), e.eventTime());
        assertEquals("8", e.fields().get("detail.severity"), "original fields stay");
    }

    @Test
    void securityHubFindingFromEventBridge() {
        Event e = normalize("{\"version\":\"0\",\"detail-type\":\"Security Hub Findings - Imported\",\"source\":\"aws.securityhub\","
                + "\"time\":\"2025-11-24T09:00:00Z\",\"detail\":{\"findings\":[{\"SchemaVersion\":\"2018-10-08\",\"Id\":\"x\","
                + "\"AwsAccountId\":\"123456789012\",\"Types\":[\"TTPs/Defense Evasion\"],\"Title\":\"CloudTrail logging stopped\","
                + "\"Severity\":{\"Label\":\"HIGH\",\"Normalized\":70},\"Resources\":[{\"Type\":\"AwsCloudTrailTrail\",\"Id\":\"arn:trail\"}],"
                + "\"Action\":{\"AwsApiCallAction\":{\"RemoteIpDetails\":{\"IpAddressV4\":\"146.70.117.23\"}}}}]}}");
        assertEquals(SourceTypes.SECURITY_HUB, e.sourceType());
        assertEquals("TTPs/Defense Evasion", e.action());
        assertEquals(Severity.ERROR, e.severity());
        assertEquals("146.70.117.23", e.sourceIp());
        assertEquals("arn:trail", e.fields().get("aws.finding.resource_id"));
    }

    @Test
    void rfc5424WithStructuredData() {
        Event e = normalize("<86>1 2025-11-24T08:03:12.345+01:00 bastion sshd 2345 - [meta@1 a=\"x\\\"y\"] "
                + "Failed publickey for deploy from 203.0.113.9 port 40022 ssh2");
        assertNull(e.parseError());
        assertEquals(SourceTypes.AUTH, e.sourceType());
        assertEquals(Instant.parse("2025-11-24T07:03:12.345Z"), e.eventTime());
        assertEquals("failure", e.outcome());
        assertEquals("publickey", e.fields().get("system.auth.ssh.method"));
        assertEquals("x\"y", e.fields().get("log.syslog.structured_data.meta@1.a"));
        assertEquals("10", e.fields().get("log.syslog.facility.code"));
        assertEquals("2345", e.fields().get("process.pid"));
    }

    @Test
    void rfc3164YearComesFromTheCloudWatchTimestamp() {
        Event december = normalize("Dec 31 23:59:58 host sshd[1]: Accepted publickey for a from 10.0.0.1 port 2 ssh2");
        assertEquals(Instant.parse("2024-12-31T23:59:58Z"), december.eventTime(), "read on 2 January: last year");
        Event pri = normalize("<34>Jan  2 00:00:01 host su: FAILED SU (to root) bob on pts/0");
        assertEquals(Instant.parse("2025-01-02T00:00:01Z"), pri.eventTime());
        assertEquals("su", pri.action());
        assertEquals("failure", pri.outcome());
        assertEquals("bob", pri.user());
        assertEquals("root", pri.fields().get("user.effective.name"));
    }

    @Test
    void sudoFailureAndUdpFlow() {
        Event sudo = normalize("Jan  1 10:00:00 h sudo:    eve : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/bin/sh");
        assertEquals("failure", sudo.outcome());
        assertEquals("eve", sudo.user());
        assertEquals(Severity.WARNING, sudo.severity());
        Event udp = normalize("2 123456789012 eni-1 10.0.0.5 10.0.4.10 53001 53 17 1 70 1763971202 1763971264 ACCEPT OK");
        assertEquals("udp", udp.fields().get("network.transport"));
        assertEquals("2025-11-24T08:00:02Z", udp.fields().get("event.start"));
        Event truncated = normalize("2 123456789012 eni-1 10.0.0.5 10.0.4.10 53001 OK");
        assertEquals("VPC flow record with 7 values, the format has 14", truncated.parseError());
    }

    @Test
    void timestampForms() {
        assertEquals(Instant.parse("2025-11-24T08:00:04Z"), Timestamps.iso("2025-11-24T08:00:04Z"));
        assertEquals(Instant.parse("2025-11-24T06:00:04.123456789Z"), Timestamps.iso("2025-11-24T08:00:04.123456789+02:00"));
        assertEquals(Instant.parse("2025-11-24T08:00:04Z"), Timestamps.iso("2025-11-24T08:00:04"));
        assertEquals(Instant.parse("2025-02-25T20:40:06.721Z"), Timestamps.iso("2025-02-25 20:40:06.721"));
        assertEquals(Instant.parse("2025-11-24T09:00:04Z"), Timestamps.iso("2025-11-24T08:00:04-0100"));
        assertNull(Timestamps.iso("2025-02-30T00:00:00Z"));
        assertEquals(Instant.ofEpochSecond(1418530010), Timestamps.any("1418530010"));
        assertEquals(Instant.ofEpochMilli(1763971200004L), Timestamps.any("1763971200004"));
        assertEquals(Instant.ofEpochSecond(1418530010, 500_000_000), Timestamps.epoch("1418530010.5"));
        assertEquals("2014-12-14T04:06:50Z", Timestamps.isoSeconds(1418530010));
    }
}
