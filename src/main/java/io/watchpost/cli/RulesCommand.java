package io.watchpost.cli;

import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleSources;
import io.watchpost.detect.RuleTestRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with detection rules.",
        subcommands = {RulesCommand.Test.class})
public final class RulesCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("usage: watchpost rules test [--rules DIR]");
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
}
