package io.watchpost.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.store.TeamState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The analyst's rules: one {@code <id>.yml} per rule in a directory, applied to the running engine, and shared with
 * the team ({@link TeamState} kind {@value #KIND}, the rule's YAML as written). A rule saved on another workstation
 * is written into the directory here and put into the engine; a delete removes the file, and the engine goes back
 * to the built-in rule of that id, if there is one.
 */
public final class UserRules {

    public static final String KIND = "rule";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final DetectionEngine engine;
    private final TeamState team;

    public UserRules(Path dir, DetectionEngine engine, TeamState team) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.team = Objects.requireNonNull(team, "team");
        team.subscribe(KIND, this::applyTeamChange);
    }

    public Path dir() {
        return dir;
    }

    public TeamState team() {
        return team;
    }

    /**
     * The file a rule is saved in. Ids also arrive from the team database (a shared rule's delete carries only its
     * id), so one that is not a valid rule id, and could name a file outside the directory, is refused here.
     */
    public Path file(String ruleId) {
        if (!RuleYaml.isValidId(ruleId)) {
            throw new IllegalArgumentException("'" + ruleId + "' is not a rule id");
        }
        return dir.resolve(ruleId + ".yml");
    }

    /** The rules in the directory (none when it does not exist yet). */
    public RuleSources.Loaded load() {
        return Files.isDirectory(dir) ? RuleSources.directory(dir) : new RuleSources.Loaded(List.of(), List.of());
    }

    /** Writes the rule's file, puts the rule into the running engine, and shares it. Returns the file. */
    public Path save(Rule rule) throws IOException {
        Path file = write(rule);
        engine.putRule(rule);
        team.changed(KIND, rule.id(), JSON.createObjectNode().put("yaml", rule.source()).toString());
        return file;
    }

    private Path write(Rule rule) throws IOException {
        Files.createDirectories(dir);
        Path file = file(rule.id());
        Files.writeString(file, rule.source());
        return file;
    }

    private void applyTeamChange(String id, String body, boolean deleted) {
        try {
            if (deleted) {
                Files.deleteIfExists(file(id));
                List<Rule> next = new ArrayList<>();
                for (Rule r : engine.rules()) {
                    if (!r.id().equals(id)) {
                        next.add(r);
                    }
                }
                RuleSources.builtIn().rules().stream().filter(r -> r.id().equals(id)).forEach(next::add);
                engine.replaceRules(next);
                return;
            }
            Rule rule = RuleYaml.parse(JSON.readTree(body).path("yaml").asText());
            // The id names the file: take only a rule whose own (validated) id is the object's.
            if (!rule.id().equals(id)) {
                throw new IllegalArgumentException("the shared rule " + id + " holds rule " + rule.id());
            }
            write(rule);
            engine.putRule(rule);
        } catch (JsonProcessingException | RuleFormatException e) {
            throw new IllegalArgumentException("the shared rule " + id + " does not parse: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shared rule " + id, e);
        }
    }
}
