package io.watchpost.detect;

import io.watchpost.store.TeamState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule ids that come from the team database name files: one that could leave the rules directory is refused. */
class UserRulesTest {

    @TempDir
    Path dir;

    @Test
    void aSharedDeleteWhoseIdLeavesTheDirectoryDeletesNothing() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path outside = Files.writeString(dir.resolve("victim.yml"), "not a rule");
        AtomicReference<TeamState.RemoteChange> fromTeam = new AtomicReference<>();
        TeamState team = new TeamState() {
            @Override
            public void changed(String kind, String id, String bodyJson) {
            }

            @Override
            public void deleted(String kind, String id) {
            }

            @Override
            public Map<String, Overwrite> overwrites(String kind) {
                return Map.of();
            }

            @Override
            public void acknowledge(String kind, String id) {
            }

            @Override
            public Subscription subscribe(String kind, RemoteChange listener) {
                fromTeam.set(listener);
                return () -> { };
            }
        };
        new UserRules(rules, new DetectionEngine(List.of()), team);

        assertThrows(IllegalArgumentException.class, () -> fromTeam.get().apply("../victim", null, true));
        assertTrue(Files.exists(outside), "a file outside the rules directory survives");
    }
}
