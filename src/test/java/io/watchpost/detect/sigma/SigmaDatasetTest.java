package io.watchpost.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.detect.Alert;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.EventRef;
import io.watchpost.detect.Rule;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SigmaHQ's AWS CloudTrail and Linux rules (shared dataset sigma-aws-cloudtrail) imported and run over the other
 * staged CloudTrail datasets, against the hits listed in its reference-matches.csv.
 */
class SigmaDatasetTest {

    /**
     * Rules in rules/ that we refuse, and why. fieldref compares two fields of one event, which our filter language
     * cannot express (its reference hit, on Stratus iam-update-user-login-profile, is therefore not expected). The
     * other three match text inside a whole CloudTrail object (requestParameters, responseElements), which our events
     * keep only as flattened leaves; none of them has a reference hit.
     */
    static final Map<String, String> REFUSED_IN_RULES = Map.of(
            "aws_update_login_profile.yml", "modifier 'fieldref'",
            "aws_disable_bucket_versioning.yml", "field 'requestParameters' is a whole object",
            "aws_iam_s3browser_templated_s3_bucket_policy_creation.yml", "field 'requestParameters' is a whole object",
            "aws_ec2_vm_export_failure.yml", "field 'responseElements' is a whole object");

    static Path datasets;
    static List<SigmaImporter.Outcome> outcomes;

    @BeforeAll
    static void load() {
        datasets = Path.of(System.getProperty("user.dir")).resolve("../shared/datasets").normalize();
        Assumptions.assumeTrue(Files.isDirectory(datasets.resolve("sigma-aws-cloudtrail")),
                "shared dataset sigma-aws-cloudtrail not found under " + datasets + ": skipped");
        outcomes = SigmaImporter.importPath(datasets.resolve("sigma-aws-cloudtrail"));
    }

    private static String file(SigmaImporter.Outcome o) {
        return Path.of(o.source()).getFileName().toString();
    }

    private static String folder(SigmaImporter.Outcome o) {
        return datasets.resolve("sigma-aws-cloudtrail").relativize(Path.of(o.source())).getName(0).toString();
    }

    @Test
    void everyRuleInRulesAndEmergingThreatsImportsExceptTheDocumentedFour() {
        List<String> refused = new ArrayList<>();
        int imported = 0;
        for (SigmaImporter.Outcome o : outcomes) {
            if (!folder(o).equals("rules") && !folder(o).equals("rules-emerging-threats")) {
                continue;
            }
            if (o instanceof SigmaImporter.Refused r) {
                refused.add(file(o));
                assertTrue(r.reason().contains(REFUSED_IN_RULES.getOrDefault(file(o), "(not expected)")),
                        file(o) + ": " + r.reason());
            } else {
                imported++;
                SigmaImporter.Imported i = (SigmaImporter.Imported) o;
                assertTrue(i.rule().author() != null && !i.rule().author().isBlank(), "author kept: " + i.source());
                assertTrue(i.rule().description().contains("Detection Rule License"), i.source());
            }
        }
        assertEquals(new TreeSet<>(REFUSED_IN_RULES.keySet()), new TreeSet<>(refused));
        assertEquals(60, imported, "53 CloudTrail + 7 Linux rules");
    }

    @Test
    void unsupportedAndPlaceholderRulesAreRefusedWithTheirReason() {
        Map<String, String> reasons = new TreeMap<>();
        for (SigmaImporter.Outcome o : outcomes) {
            if (folder(o).equals("unsupported") || folder(o).equals("rules-placeholder")) {
                assertTrue(o instanceof SigmaImporter.Refused, o.source() + " must be refused");
                reasons.put(file(o), ((SigmaImporter.Refused) o).reason());
            }
        }
        assertEquals(9, reasons.size());
        assertTrue(reasons.get("aws_enum_listing.yml").startsWith("aggregation in condition 'selection_eventname | count() > 50'"));
        assertTrue(reasons.get("aws_macic_evasion.yml").contains("count() by sourceIPAddress > 5"));
        assertTrue(reasons.get("aws_lambda_function_created_or_invoked.yml").startsWith("'near'"));
        assertTrue(reasons.get("aws_ses_messaging_enabled.yml").startsWith("timeframe:"));
        assertTrue(reasons.get("aws_cloudtrail_console_login_success_from_susp_locations.yml").contains("'expand'"));
    }

    /** Every (rule, eventID) pair in reference-matches.csv fires; no imported rule fires on anything else there. */
    @Test
    void importedRulesFireExactlyTheReferenceMatches() throws Exception {
        List<Rule> rules = outcomes.stream().filter(o -> o instanceof SigmaImporter.Imported)
                .map(o -> ((SigmaImporter.Imported) o).rule()).toList();
        Map<String, Set<String>> expected = new TreeMap<>(); // dataset file -> "rule id eventID"
        List<String> lines = Files.readAllLines(datasets.resolve("sigma-aws-cloudtrail/reference-matches.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1); // the first eight columns hold no commas
            String stem = Path.of(c[0]).getFileName().toString();
            String key = c[4] + "/" + c[5];
            expected.computeIfAbsent(key, k -> new TreeSet<>());
            if (!REFUSED_IN_RULES.containsKey(stem)) {
                expected.get(key).add("sigma." + stem.replace(".yml", "") + " " + c[7]);
            }
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        for (String file : expected.keySet()) {
            Set<String> fired = new TreeSet<>();
            for (Alert a : new DetectionEngine(rules).run(events(datasets.resolve(file)))) {
                assertTrue(a.author() != null, "alerts keep the Sigma author");
                for (EventRef r : a.events()) {
                    fired.add(a.ruleId() + " " + r.eventId());
                }
            }
            actual.put(file, fired);
        }
        assertEquals(expected, actual);
    }

    /** SOURCE.md: no SigmaHQ Linux rule matches any line of loghub's Linux and OpenSSH samples; ours neither. */
    @Test
    void linuxRulesStayQuietOnLoghubSamples() throws Exception {
        List<Rule> linux = outcomes.stream().filter(o -> o instanceof SigmaImporter.Imported)
                .map(o -> ((SigmaImporter.Imported) o).rule()).filter(r -> r.id().startsWith("sigma.lnx_")).toList();
        assertEquals(7, linux.size());
        Normalizer normalizer = new Normalizer();
        int lines = 0;
        for (String f : List.of("loghub-ssh-linux/Linux/Linux_2k.log", "loghub-ssh-linux/OpenSSH/OpenSSH_2k.log")) {
            Path file = datasets.resolve(f);
            Assumptions.assumeTrue(Files.isRegularFile(file), file + " not found: skipped");
            List<Event> events = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                long t = 1_700_000_000_000L + lines++;
                events.add(normalizer.normalize(new RawLogEvent("/var/log/secure", "s", "l" + lines, t, t, line)));
            }
            assertEquals(List.of(), new DetectionEngine(linux).run(events).stream().map(Alert::ruleId).toList(), f);
        }
        assertTrue(lines >= 4000);
    }

    /** CloudTrail records of a dataset file (JSON array, or JSON Lines with a record per line or under "record"). */
    static List<Event> events(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        String text = Files.readString(file);
        if (text.stripLeading().startsWith("[")) {
            json.readTree(text).forEach(records::add);
        } else {
            for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
                JsonNode n = json.readTree(line);
                records.add(n.has("record") && n.get("record").isObject() ? n.get("record") : n);
            }
        }
        Normalizer normalizer = new Normalizer();
        List<Event> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : records) {
            long t = Instant.parse(r.path("eventTime").asText("2025-11-24T08:00:00Z")).toEpochMilli();
            String id = r.hasNonNull("eventID") ? r.get("eventID").asText() : "record-" + i;
            i++;
            out.add(normalizer.normalize(new RawLogEvent("/aws/cloudtrail", "s", id, t, t, json.writeValueAsString(r))));
        }
        out.sort(Comparator.comparing(Event::eventTime));
        return out;
    }
}
