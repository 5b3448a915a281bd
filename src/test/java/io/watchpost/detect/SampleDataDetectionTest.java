package io.watchpost.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in pack over sample-data/*.jsonl: the README's embedded attacks fire, its benign rows do not. */
class SampleDataDetectionTest {

    static List<Alert> alerts;

    @BeforeAll
    static void run() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Normalizer normalizer = new Normalizer();
        List<Event> events = new ArrayList<>();
        for (String f : List.of("cloudtrail", "vpcflow", "auth", "lambda", "app")) {
            int i = 0;
            for (String line : Files.readAllLines(Path.of(System.getProperty("user.dir"), "sample-data", f + ".jsonl"))) {
                JsonNode j = json.readTree(line);
                events.add(normalizer.normalize(new RawLogEvent(j.get("logGroup").asText(), j.get("logStream").asText(),
                        f + "-" + i++, j.get("timestamp").asLong(), 0, j.get("message").asText())));
            }
        }
        events.sort(Comparator.comparing(Event::eventTime));
        alerts = new DetectionEngine(RuleSources.builtIn().rules()).run(events);
    }

    static boolean fired(String rule, String groupContains) {
        return alerts.stream().anyMatch(a -> a.ruleId().equals(rule) && a.groupKey().contains(groupContains));
    }

    @Test
    void documentedAttacksFire() {
        assertTrue(fired("wp.vpc-port-scan", "45.155.205.233"), "#1 port scan");
        assertTrue(fired("wp.vpc-rejected-spike", "eni-0c4d5e6f708192a3b"), "#1 rejected burst");
        for (String ip : List.of("193.142.146.61", "91.240.118.172", "5.188.206.14")) {
            assertTrue(fired("wp.console-brute-force", ip), "#2 brute force " + ip);
            assertTrue(fired("wp.console-credential-stuffing", ip), "#2 stuffing " + ip);
        }
        assertTrue(fired("wp.ssh-brute-force", "185.220.101.47"), "#3 ssh brute force");
        assertTrue(fired("wp.ssh-success-after-brute-force", "185.220.101.47"), "#3 success after brute force");
        assertTrue(fired("wp.local-privileged-group-change", ""), "#3b wheel");
        assertTrue(fired("wp.unauthorized-api-burst", "bastion-role"), "#4 unauthorized burst");
        assertTrue(fired("wp.console-login-new-ip", "carol.nguyen"), "#5 new IP");
        assertTrue(fired("wp.cis.console-login-without-mfa", "carol.nguyen"), "#5 no MFA");
        assertTrue(fired("wp.iam-privilege-escalation", "carol.nguyen"), "#5b escalation");
        assertTrue(fired("wp.iam-persistence", "carol.nguyen"), "#5b persistence");
        assertTrue(fired("wp.account-takeover-sequence", "carol.nguyen"), "#2→#5→#5b correlation");
        assertTrue(fired("wp.cloudtrail-tampering", "svc-maint"), "#6 tampering");
        assertTrue(fired("wp.security-group-open-to-world", "svc-maint"), "#7 sg open");
        assertTrue(fired("wp.cis.nacl-changes", "svc-maint"), "#7 nacl");
        assertTrue(fired("wp.cis.route-table-changes", "svc-maint"), "#7 route");
        assertTrue(fired("wp.flow-logs-deleted", "svc-maint"), "#7 flow logs");
        assertTrue(fired("wp.cis.kms-key-disable-or-deletion", "svc-maint"), "#8 kms");
        assertTrue(fired("wp.cis.s3-bucket-policy-changes", "svc-maint"), "#8 s3");
        assertTrue(fired("wp.s3-mass-download", "data-pipeline-role"), "#10 s3 exfil");
        assertTrue(fired("wp.vpc-large-outbound-transfer", "185.243.115.84"), "#10b transfer");
        assertTrue(fired("wp.cis.root-account-usage", "root"), "#11 root");
    }

    @Test
    void benignRowsDoNotFireAboveLowSeverity() {
        // terraform-ci's 10.0.1.0/24:5432 rule only reaches the low-severity CIS monitor
        assertFalse(fired("wp.security-group-open-to-world", "terraform-ci"));
        assertTrue(alerts.stream().filter(a -> a.groupKey().contains("terraform-ci"))
                .allMatch(a -> a.severity().compareTo(RuleSeverity.LOW) <= 0));
        // bob's single typo: no brute force, no takeover, no new-IP alert
        assertFalse(fired("wp.account-takeover-sequence", "bob.martinez"));
        assertFalse(fired("wp.console-login-new-ip", "bob.martinez"));
        // alice's incident response: the DetachUserPolicy is only the low CIS monitor, UpdateAccessKey nothing
        assertFalse(fired("wp.iam-privilege-escalation", "alice.chen"));
        assertFalse(fired("wp.iam-persistence", "alice.chen"));
        assertTrue(alerts.stream().filter(a -> a.ruleId().equals("wp.cis.iam-policy-changes") && a.groupKey().contains("alice"))
                .allMatch(a -> a.severity() == RuleSeverity.LOW));
        // the SSH background noise, the Lambda timeout and Invoke Errors raise nothing
        Set<String> sshSources = new TreeSet<>();
        alerts.stream().filter(a -> a.ruleId().equals("wp.ssh-brute-force")).forEach(a -> sshSources.add(a.groupKey()));
        assertEquals(Set.of("source.ip=185.220.101.47"), sshSources);
        assertTrue(alerts.stream().flatMap(a -> a.events().stream()).noneMatch(r -> r.logGroup().startsWith("/aws/lambda")
                || r.logGroup().startsWith("/app/")));
    }
}
