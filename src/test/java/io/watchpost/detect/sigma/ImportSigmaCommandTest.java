package io.watchpost.detect.sigma;

import io.watchpost.cli.RulesCommand;
import io.watchpost.detect.RuleSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code watchpost rules import-sigma DIR --out DIR}: writes loadable rules, lists refusals with reasons. */
class ImportSigmaCommandTest {

    @Test
    void writesImportedRulesAndPrintsRefusals(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("sigma"));
        Files.writeString(in.resolve("aws_ok.yml"), """
                title: Trail stopped
                id: 4db60cc0-36fb-42b7-9b58-a5b53019fb74
                author: vitaliy0x1
                level: medium
                tags: [attack.defense-impairment]
                logsource: {product: aws, service: cloudtrail}
                detection:
                    selection:
                        eventSource: cloudtrail.amazonaws.com
                        eventName: [StopLogging, DeleteTrail]
                    condition: selection
                """);
        Files.writeString(in.resolve("aws_count.yml"), """
                title: Listing burst
                id: 624b9b8c-61c9-4ad3-8e53-4d3b3bc8b9b8
                level: low
                logsource: {product: aws, service: cloudtrail}
                detection:
                    selection:
                        eventName: List*
                    timeframe: 10m
                    condition: selection | count() > 50
                """);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new RulesCommand()).execute("import-sigma", in.toString(), "--out",
                    dir.resolve("out").toString());
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, "a refused rule makes the exit code 1");
        assertTrue(out.contains("REFUSED  " + in.resolve("aws_count.yml") + ": aggregation in condition"), out);
        assertTrue(out.contains("1 imported into " + dir.resolve("out") + ", 1 refused"), out);
        var loaded = RuleSources.directory(dir.resolve("out"));
        assertEquals(1, loaded.rules().size());
        assertEquals("vitaliy0x1", loaded.rules().get(0).author());
        assertEquals("sigma.aws_ok", loaded.rules().get(0).id());
    }
}
