package io.watchpost.detect.sigma;

import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleSeverity;
import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigmaImporterTest {

    private static final String HEAD = """
            title: Test rule
            id: 11111111-2222-3333-4444-555555555555
            status: test
            author: Jane Analyst
            level: high
            tags: [attack.persistence, attack.t1098]
            logsource:
                product: aws
                service: cloudtrail
            """;

    private static Rule imported(String detection) {
        SigmaImporter.Outcome o = SigmaImporter.convert(HEAD + detection, "rules/test_rule.yml");
        if (o instanceof SigmaImporter.Refused r) {
            throw new AssertionError("refused: " + r.reason());
        }
        return ((SigmaImporter.Imported) o).rule();
    }

    private static String refused(String text) {
        return assertInstanceOf(SigmaImporter.Refused.class, SigmaImporter.convert(text, "x.yml")).reason();
    }

    private static boolean fires(Rule rule, String cloudTrailJson) {
        Event e = new Normalizer().normalize(new RawLogEvent("/aws/cloudtrail", "s", "e1", 1_700_000_000_000L,
                1_700_000_000_000L, cloudTrailJson));
        return !new DetectionEngine(List.of(rule)).accept(e).isEmpty();
    }

    private static String record(String extra) {
        return "{\"eventVersion\":\"1.08\",\"eventTime\":\"2023-11-14T22:13:20Z\",\"eventSource\":\"iam.amazonaws.com\","
                + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.0 S3 Browser\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::1:user/bob\",\"userName\":\"bob\"}" + extra + "}";
    }

    @Test
    void keepsAuthorTagsLevelAndNamesTheRuleAfterItsFile() {
        Rule r = imported("""
                detection:
                    selection:
                        eventName: CreateUser
                    condition: selection
                """);
        assertEquals("sigma.test_rule", r.id());
        assertEquals("Jane Analyst", r.author());
        assertEquals(RuleSeverity.HIGH, r.severity());
        assertEquals(List.of("attack.persistence", "attack.t1098"), r.tags());
        assertTrue(fires(r, record(",\"eventName\":\"createuser\"")), "Sigma equality ignores case");
        assertFalse(fires(r, record(",\"eventName\":\"CreateUserX\"")));
    }

    @Test
    void modifiersListsAndAll() {
        Rule r = imported("""
                detection:
                    selection:
                        eventName|startswith: [Create, Put]
                        eventSource|endswith: .amazonaws.com
                        userAgent|contains|all: [aws-cli, s3 browser]
                        sourceIPAddress|cidr: 203.0.113.0/24
                        userIdentity.arn|re: ':user/b.b$'
                    condition: selection
                """);
        assertTrue(fires(r, record(",\"eventName\":\"PutUserPolicy\"")));
        assertFalse(fires(r, record(",\"eventName\":\"DeleteUser\"")));
        assertFalse(fires(r, record(",\"eventName\":\"PutUserPolicy\"").replace("203.0.113.7", "198.51.100.1")));
        assertFalse(fires(r, record(",\"eventName\":\"PutUserPolicy\"").replace("S3 Browser", "boto3")));
    }

    @Test
    void conditionsWithNotParenthesesAndPatterns() {
        Rule r = imported("""
                detection:
                    selection_create:
                        eventName: CreateAccessKey
                    selection_update:
                        eventName: UpdateLoginProfile
                    filter_main_bob:
                        userIdentity.userName: bob
                    filter_main_null:
                        errorCode: null
                    condition: (1 of selection_*) and not (filter_main_bob or not all of filter_main_n*)
                """);
        // fires only when the user is not bob and errorCode is absent
        assertFalse(fires(r, record(",\"eventName\":\"CreateAccessKey\"")));
        assertTrue(fires(r, record(",\"eventName\":\"UpdateLoginProfile\"").replace("\"bob\"", "\"eve\"")));
        assertFalse(fires(r, record(",\"eventName\":\"UpdateLoginProfile\",\"errorCode\":\"AccessDenied\"")
                .replace("\"bob\"", "\"eve\"")));
        Rule them = imported("""
                detection:
                    a:
                        eventName: CreateUser
                    b:
                        eventSource: iam.amazonaws.com
                    condition: all of them
                """);
        assertTrue(fires(them, record(",\"eventName\":\"CreateUser\"")));
    }

    @Test
    void wildcardsInPlainValues() {
        Rule r = imported("""
                detection:
                    selection:
                        eventName: 'Get*Policy?'
                    condition: selection
                """);
        assertTrue(fires(r, record(",\"eventName\":\"GetUserPolicyX\"")));
        assertFalse(fires(r, record(",\"eventName\":\"GetUserPolicy\"")));
    }

    @Test
    void refusesWhatItCannotImportExactly() {
        assertTrue(refused(HEAD + """
                detection:
                    selection:
                        requestParameters.userData|base64offset|contains: 'curl'
                    condition: selection
                """).contains("modifier 'base64offset'"));
        assertTrue(refused(HEAD + """
                detection:
                    selection:
                        eventName: ListBuckets
                    condition: selection | count() by sourceIPAddress > 10
                """).startsWith("aggregation"));
        assertTrue(refused(HEAD + """
                detection:
                    selection:
                        userIdentity.arn|fieldref: requestParameters.userName
                    condition: selection
                """).contains("fieldref"));
        assertTrue(refused(HEAD.replace("product: aws", "product: windows").replace("service: cloudtrail",
                "service: security") + """
                detection:
                    selection:
                        EventID: 4625
                    condition: selection
                """).startsWith("logsource product=windows service=security"));
        assertTrue(refused(HEAD + """
                detection:
                    selection:
                        eventName: X
                    condition: selection and filter
                """).contains("'filter', which is not a selection"));
    }

    @Test
    void linuxKeywordRulesSearchTheLine() {
        SigmaImporter.Outcome o = SigmaImporter.convert("""
                title: PwnKit
                id: 0b12c7ab-0e3c-4a5b-a6a2-2d7d0f3a7e5c
                author: Sreeman
                level: high
                logsource: {product: linux, service: auth}
                detection:
                    keywords:
                        '|all':
                            - 'pkexec'
                            - 'XAUTHORITY contains suspicious content'
                    condition: keywords
                """, "lnx_pwnkit.yml");
        Rule r = ((SigmaImporter.Imported) o).rule();
        Normalizer n = new Normalizer();
        long t = 1_700_000_000_000L;
        var hit = n.normalize(new RawLogEvent("/var/log/secure", "s", "l1", t, t, "Nov 24 08:33:43 ip-10-0-0-10 "
                + "pkexec[2345]: alice: The value for environment variable XAUTHORITY contains suspicious content"));
        var miss = n.normalize(new RawLogEvent("/var/log/secure", "s", "l2", t, t,
                "Nov 24 08:33:44 ip-10-0-0-10 pkexec[2345]: alice: Executing command [USER=root]"));
        assertEquals(1, new DetectionEngine(List.of(r)).run(List.of(hit, miss)).size());
        assertTrue(refused("""
                title: Fields on a text log
                logsource: {product: linux, service: sshd}
                detection:
                    selection:
                        user: root
                    condition: selection
                """).contains("keywords only"));
    }
}
