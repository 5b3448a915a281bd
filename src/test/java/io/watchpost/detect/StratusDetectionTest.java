package io.watchpost.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The built-in pack over Stratus Red Team's labelled detonations: each technique's file raises exactly these rules
 * (every file holds attack activity only). Files absent from the map must raise nothing: no built-in rule covers
 * those techniques yet (secrets bursts, DNS log deletion, Lambda backdoors, Bedrock, user data, federation tokens).
 */
class StratusDetectionTest {

    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("aws.credential-access.ec2-get-password-data", Set.of("wp.cis.unauthorized-api-calls", "wp.unauthorized-api-burst")),
            Map.entry("aws.credential-access.ec2-steal-instance-credentials", Set.of("wp.ssm-remote-command")),
            Map.entry("aws.defense-evasion.cloudtrail-delete", Set.of("wp.cis.cloudtrail-config-changes", "wp.cloudtrail-tampering")),
            Map.entry("aws.defense-evasion.cloudtrail-event-selectors", Set.of("wp.cloudtrail-tampering")),
            Map.entry("aws.defense-evasion.cloudtrail-stop", Set.of("wp.cis.cloudtrail-config-changes", "wp.cloudtrail-tampering")),
            Map.entry("aws.defense-evasion.organizations-leave", Set.of("wp.cis.organizations-changes", "wp.cis.unauthorized-api-calls")),
            Map.entry("aws.defense-evasion.vpc-remove-flow-logs", Set.of("wp.flow-logs-deleted")),
            Map.entry("aws.discovery.ec2-download-user-data", Set.of("wp.cis.unauthorized-api-calls", "wp.unauthorized-api-burst")),
            Map.entry("aws.execution.ec2-launch-unusual-instances", Set.of("wp.cis.unauthorized-api-calls")),
            Map.entry("aws.execution.ssm-send-command", Set.of("wp.ssm-remote-command")),
            Map.entry("aws.execution.ssm-start-session", Set.of("wp.ssm-remote-command")),
            Map.entry("aws.exfiltration.ec2-security-group-open-port-22-ingress", Set.of("wp.cis.security-group-changes", "wp.security-group-open-to-world")),
            Map.entry("aws.exfiltration.ec2-share-ami", Set.of("wp.snapshot-or-image-shared")),
            Map.entry("aws.exfiltration.ec2-share-ebs-snapshot", Set.of("wp.snapshot-or-image-shared")),
            Map.entry("aws.exfiltration.rds-share-snapshot", Set.of("wp.snapshot-or-image-shared")),
            Map.entry("aws.initial-access.console-login-without-mfa", Set.of("wp.cis.console-login-without-mfa")),
            Map.entry("aws.lateral-movement.ec2-instance-connect", Set.of("wp.ssh-key-pushed-to-instance")),
            Map.entry("aws.lateral-movement.ec2-serial-console-send-ssh-public-key", Set.of("wp.ssh-key-pushed-to-instance")),
            Map.entry("aws.persistence.iam-backdoor-role", Set.of("wp.iam-privilege-escalation")),
            Map.entry("aws.persistence.iam-backdoor-user", Set.of("wp.iam-persistence")),
            Map.entry("aws.persistence.iam-create-admin-user", Set.of("wp.cis.iam-policy-changes", "wp.iam-persistence", "wp.iam-privilege-escalation")),
            Map.entry("aws.persistence.iam-create-backdoor-role", Set.of("wp.cis.iam-policy-changes", "wp.iam-privilege-escalation")),
            Map.entry("aws.persistence.iam-create-user-login-profile", Set.of("wp.iam-persistence")),
            Map.entry("aws.privilege-escalation.iam-update-user-login-profile", Set.of("wp.iam-persistence")));

    @Test
    void eachTechniqueRaisesExactlyItsRules() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../shared/datasets/stratus-detonation-logs/logs").normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared datasets not found: skipped");
        ObjectMapper json = new ObjectMapper();
        Normalizer normalizer = new Normalizer();
        List<Rule> rules = RuleSources.builtIn().rules();
        Map<String, Set<String>> actual = new TreeMap<>();
        Map<String, Set<String>> expected = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String technique = f.getFileName().toString().replace(".json", "");
                List<Event> events = new ArrayList<>();
                int i = 0;
                for (JsonNode r : json.readTree(f.toFile())) {
                    long t = Instant.parse(r.get("eventTime").asText()).toEpochMilli();
                    events.add(normalizer.normalize(new RawLogEvent("/aws/cloudtrail", "s", r.path("eventID").asText("i" + i++),
                            t, t, json.writeValueAsString(r))));
                }
                events.sort(Comparator.comparing(Event::eventTime));
                actual.put(technique, new DetectionEngine(rules).run(events).stream().map(Alert::ruleId)
                        .collect(Collectors.toCollection(TreeSet::new)));
                expected.put(technique, new TreeSet<>(EXPECTED.getOrDefault(technique, Set.of())));
            }
        }
        assertEquals(expected, actual);
    }
}
