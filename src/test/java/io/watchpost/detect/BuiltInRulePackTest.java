package io.watchpost.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuiltInRulePackTest {

    @Test
    void everyRuleLoadsWithFiringAndQuietTestsThatPass() {
        RuleSources.Loaded pack = RuleSources.builtIn();
        assertEquals(List.of(), pack.problems());
        assertTrue(pack.rules().size() >= 30, "rules: " + pack.rules().size());
        List<String> failures = new ArrayList<>();
        for (Rule r : pack.rules()) {
            assertTrue(r.tests().stream().anyMatch(RuleTest::expectsFire), r.id() + " has no firing test");
            assertTrue(r.tests().stream().anyMatch(t -> !t.expectsFire()), r.id() + " has no quiet test");
            assertTrue(!r.techniques().isEmpty(), r.id() + " has no ATT&CK technique tag");
            for (RuleTestRunner.Result res : RuleTestRunner.run(r)) {
                if (!res.passed()) {
                    failures.add(r.id() + " / " + res.test() + ": " + res.detail());
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
