package io.watchpost.cli;

import io.watchpost.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @Test
    void helpListsEveryCommand() {
        CommandRun run = CommandRun.of("--help");
        assertEquals(0, run.exitCode());
        for (String command : new String[]{"emulator", "ingest", "query", "sync", "bench"}) {
            assertTrue(run.out().contains("  " + command + " "), command + " missing from:\n" + run.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulator", "ingest", "query", "sync", "bench"})
    void everyCommandHasHelp(String command) {
        CommandRun run = CommandRun.of(command, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: watchpost " + command), run.out());
    }

    @Test
    void benchUiStallSaysWhyItCannotRunWithoutAWindow() {
        CommandRun help = CommandRun.of("bench", "--help");
        assertTrue(help.out().contains("uistall") && help.out().contains("--ui-rate"), help.out());

        CommandRun run = CommandRun.of("bench", "--only", "uistall");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("== uistall") && run.out().contains("skipped: this entry point has no window"), run.out());
    }

    @Test
    void benchWriteMeasuresTheCacheWithoutEachOfItsIndexesAgainstThePrimaryKeyAlone() {
        CommandRun run = CommandRun.of("bench", "--only", "write", "--events", "20000", "--rounds", "1");
        assertEquals(0, run.exitCode(), run.err());
        // The variants come from the schema: every secondary index and unique key of the events table, one at a time.
        for (String variant : new String[]{"cache as shipped", "without ix_events_time_cover",
                "primary key only (baseline)"}) {
            assertTrue(run.out().contains("round 1: " + variant), variant + " missing in\n" + run.out());
        }
        assertTrue(run.out().matches("(?s).*write: cache as shipped [\\d,]+ events/s, primary key only [\\d,]+ events/s, ratio \\d\\.\\d\\d\\R.*"),
                run.out());
    }

    @Test
    void unknownCommandIsOneLineAndExitTwo() {
        CommandRun run = CommandRun.of("frobnicate");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("frobnicate"), run.err());
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CommandRun run = CommandRun.of("query", "--colour");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("watchpost query: Unknown option: '--colour'"), run.err());
    }

    @Test
    void badTimeIsAUsageError() {
        CommandRun run = CommandRun.of("ingest", "--log-group", "/g", "--start", "last tuesday");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("ISO-8601"), run.err());
    }

    @Test
    void versionIsStamped() {
        CommandRun run = CommandRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("watchpost "), run.out());
    }
}
