package io.watchpost.cli;

import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleSources;
import io.watchpost.detect.RuleTestRunner;
import picocli.CommandLine.Command;
import io.watchpost.detect.sigma.SigmaImporter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with detection rules.",
        subcommands = {RulesCommand.Test.class, RulesCommand.ImportSigma.class})
public final class RulesCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: watchpost rules test [--rules DIR] | rules import-sigma FILE|DIR [--out DIR]");
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run every rule's test cases (the built-in pack without --rules); exit 1 if any fails.")
    static final class Test implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "DIR", description = "Directory of rule YAML files (default: the built-in pack).")
        Path dir;

        @Override
        public Integer call() {
            RuleSources.Loaded loaded = dir == null ? RuleSources.builtIn() : RuleSources.directory(dir);
            int passed = 0;
            int failed = 0;
            for (RuleSources.LoadProblem p : loaded.problems()) {
                System.out.println("FAIL " + p.file() + ": " + p.problem().getMessage());
                failed++;
            }
            for (Rule r : loaded.rules()) {
                for (RuleTestRunner.Result res : RuleTestRunner.run(r)) {
                    System.out.println((res.passed() ? "ok   " : "FAIL ") + r.id() + " / " + res.test()
                            + (res.passed() ? "" : ": " + res.detail()));
                    if (res.passed()) {
                        passed++;
                    } else {
                        failed++;
                    }
                }
            }
            System.out.println(passed + " passed, " + failed + " failed");
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "import-sigma", mixinStandardHelpOptions = true,
            description = "Translate Sigma rules (AWS CloudTrail; Linux keyword rules) into Watchpost match rules."
                    + " Prints each refused rule with its reason; exit 1 if any was refused.")
    static final class ImportSigma implements Callable<Integer> {
        @Parameters(paramLabel = "FILE|DIR", description = "A Sigma rule file, or a directory searched recursively.")
        Path from;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Write each imported rule as DIR/<id>.yml (without it, the rules are only checked).")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (!Files.exists(from)) {
                System.err.println("watchpost rules import-sigma: no such file or directory: " + from);
                return 2;
            }
            if (out != null) {
                Files.createDirectories(out);
            }
            int imported = 0;
            int refused = 0;
            for (SigmaImporter.Outcome o : SigmaImporter.importPath(from)) {
                if (o instanceof SigmaImporter.Imported i) {
                    imported++;
                    if (out != null) {
                        Files.writeString(out.resolve(i.rule().id() + ".yml"), i.yaml());
                    }
                    System.out.println("imported " + i.rule().id() + "  (" + o.source() + ")");
                } else if (o instanceof SigmaImporter.Refused r) {
                    refused++;
                    System.out.println("REFUSED  " + o.source() + ": " + r.reason());
                }
            }
            System.out.println(imported + " imported" + (out != null ? " into " + out : "") + ", " + refused + " refused");
            return refused == 0 ? 0 : 1;
        }
    }
}
