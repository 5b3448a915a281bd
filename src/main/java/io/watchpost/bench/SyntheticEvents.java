package io.watchpost.bench;

import io.watchpost.source.emulator.InputLogEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic mix of the formats Watchpost ingests (CloudTrail JSON, VPC flow records, sshd lines, application
 * JSON), sized like the real thing, for benchmarks.
 */
public final class SyntheticEvents {

    private static final String[] USERS = {"alice", "bob", "carol", "deploy", "ci-runner", "svc-backup"};
    private static final String[] CALLS = {"DescribeInstances", "GetObject", "ListBuckets", "AssumeRole", "ConsoleLogin",
            "PutObject", "GetCallerIdentity", "DescribeSecurityGroups", "AttachUserPolicy", "CreateAccessKey"};

    private SyntheticEvents() {
    }

    /** {@code count} events, one per millisecond ending at {@code endMillis}, chronological. */
    public static List<InputLogEvent> generate(int count, long endMillis, long seed) {
        Random r = new Random(seed);
        List<InputLogEvent> out = new ArrayList<>(count);
        long start = endMillis - count;
        for (int i = 0; i < count; i++) {
            long t = start + i;
            out.add(new InputLogEvent(t, switch (i % 4) {
                case 0 -> cloudTrail(r, t);
                case 1 -> vpcFlow(r, t);
                case 2 -> sshd(r);
                default -> appJson(r, t);
            }));
        }
        return out;
    }

    private static String ip(Random r) {
        return (r.nextInt(200) + 20) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (r.nextInt(254) + 1);
    }

    private static String cloudTrail(Random r, long t) {
        String user = USERS[r.nextInt(USERS.length)];
        String call = CALLS[r.nextInt(CALLS.length)];
        boolean failed = r.nextInt(20) == 0;
        return "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA"
                + Long.toHexString(r.nextLong()).toUpperCase() + "\",\"arn\":\"arn:aws:iam::123456789012:user/" + user
                + "\",\"accountId\":\"123456789012\",\"accessKeyId\":\"AKIA" + Integer.toHexString(r.nextInt()).toUpperCase()
                + "EXAMPLE\",\"userName\":\"" + user + "\",\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\""
                + r.nextBoolean() + "\",\"creationDate\":\"" + java.time.Instant.ofEpochMilli(t - 60_000) + "\"}}},"
                + "\"eventTime\":\"" + java.time.Instant.ofEpochSecond(t / 1000) + "\",\"eventSource\":\"iam.amazonaws.com\","
                + "\"eventName\":\"" + call + "\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"" + ip(r)
                + "\",\"userAgent\":\"aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64.ubuntu.22\","
                + (failed ? "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User is not authorized to perform this action\"," : "")
                + "\"requestParameters\":{\"userName\":\"" + USERS[r.nextInt(USERS.length)] + "\",\"maxItems\":100},"
                + "\"responseElements\":null,\"requestID\":\"" + new java.util.UUID(r.nextLong(), r.nextLong())
                + "\",\"eventID\":\"" + new java.util.UUID(r.nextLong(), r.nextLong()) + "\",\"readOnly\":"
                + call.startsWith("Get") + ",\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"123456789012\",\"eventCategory\":\"Management\"}";
    }

    private static String vpcFlow(Random r, long t) {
        long s = t / 1000;
        return "2 123456789012 eni-0a1b2c3d4e5f60718 " + ip(r) + " 10.0.1." + (r.nextInt(250) + 2) + " "
                + (1024 + r.nextInt(60000)) + " " + (r.nextBoolean() ? 443 : 22) + " 6 " + (1 + r.nextInt(40)) + " "
                + (60 + r.nextInt(90000)) + " " + (s - 60) + " " + s + " " + (r.nextInt(10) == 0 ? "REJECT" : "ACCEPT") + " OK";
    }

    private static String sshd(Random r) {
        return "Nov 24 08:03:12 ip-10-0-1-23 sshd[" + (1000 + r.nextInt(30000)) + "]: "
                + (r.nextBoolean() ? "Failed password for invalid user admin" : "Accepted publickey for ec2-user")
                + " from " + ip(r) + " port " + (1024 + r.nextInt(60000)) + " ssh2";
    }

    private static String appJson(Random r, long t) {
        return "{\"timestamp\":\"" + java.time.Instant.ofEpochMilli(t) + "\",\"level\":\"" + (r.nextInt(10) == 0 ? "ERROR" : "INFO")
                + "\",\"message\":\"order processed\",\"http\":{\"method\":\"POST\",\"status\":" + (r.nextBoolean() ? 200 : 201)
                + "},\"latency_ms\":" + r.nextInt(900) + ",\"user\":{\"id\":" + r.nextInt(100000) + "},\"client_ip\":\""
                + ip(r) + "\",\"tags\":[\"checkout\",\"eu\"]}";
    }
}
