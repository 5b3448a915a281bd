package io.watchpost.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where rules come from: the built-in pack on the class path, or a directory of *.yml / *.yaml files. */
public final class RuleSources {
    private static final String PACK = "/io/watchpost/detect/rules/";

    private RuleSources() {
    }

    /** A rule file that failed to load, and why. */
    public record LoadProblem(String file, RuleFormatException problem) {
    }

    public record Loaded(List<Rule> rules, List<LoadProblem> problems) {
    }

    public static Loaded builtIn() {
        List<Rule> rules = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        for (String name : index()) {
            try (InputStream in = RuleSources.class.getResourceAsStream(PACK + name)) {
                if (in == null) {
                    throw new IllegalStateException("built-in rule " + name + " is listed but missing");
                }
                add(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), rules, problems);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Loaded(rules, problems);
    }

    /** The pack's file names, from its index (a class-path folder cannot be listed inside a jar). */
    static List<String> index() {
        try (InputStream in = RuleSources.class.getResourceAsStream(PACK + "index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Loaded directory(Path dir) {
        List<Rule> rules = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted()
                    .toList()) {
                add(dir.relativize(p).toString(), Files.readString(p), rules, problems);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Loaded(rules, problems);
    }

    private static void add(String name, String text, List<Rule> rules, List<LoadProblem> problems) {
        try {
            rules.add(RuleYaml.parse(text));
        } catch (RuleFormatException e) {
            problems.add(new LoadProblem(name, e));
        }
    }
}
