package io.watchpost.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchpost.detect.Alert;
import io.watchpost.detect.DetectionEngine;
import io.watchpost.detect.EventRef;
import io.watchpost.detect.RuleSources;
import io.watchpost.detect.CacheEventStream;
import io.watchpost.detect.alerts.AlertStore;
import io.watchpost.store.Cache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Run the enabled detection rules over the cache, oldest event first, and print the alerts.")
public final class DetectCommand implements Callable<Integer> {

    enum Format { text, jsonl }

    @Mixin
    CacheOption cache;

    @Option(names = "--rules", paramLabel = "DIR", description = "Directory of rule YAML files (default: the built-in pack).")
    Path dir;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--store", description = "Also save the alerts in the cache (re-fired alerts keep their triage).")
    boolean store;

    @Override
    public Integer call() throws Exception {
        RuleSources.Loaded loaded = dir == null ? RuleSources.builtIn() : RuleSources.directory(dir);
        for (RuleSources.LoadProblem p : loaded.problems()) {
            System.err.println("watchpost detect: skipped " + p.file() + ": " + p.problem().getMessage());
        }
        DetectionEngine engine = new DetectionEngine(loaded.rules());
        Map<String, Alert> alerts = new LinkedHashMap<>();
        try (Cache db = Cache.open(cache.path())) {
            CacheEventStream.forEach(db.dataSource(), 5000, e -> {
                for (Alert a : engine.accept(e)) {
                    alerts.put(a.id(), a);
                }
            });
            if (store) {
                new AlertStore(db.dataSource()).saveAll(List.copyOf(alerts.values()));
                System.err.println("stored " + alerts.size() + " alerts");
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (Alert a : alerts.values()) {
            if (format == Format.jsonl) {
                ObjectNode n = json.createObjectNode();
                n.put("id", a.id()).put("rule", a.ruleId()).put("title", a.ruleTitle()).put("severity", a.severity().lower());
                if (a.author() != null) {
                    n.put("author", a.author());
                }
                n.put("group", a.groupKey()).put("first", a.firstTime().toString()).put("last", a.lastTime().toString())
                        .put("firings", a.firings()).put("summary", a.summary());
                var evs = n.putArray("events");
                for (EventRef r : a.events()) {
                    evs.addObject().put("logGroup", r.logGroup()).put("eventId", r.eventId());
                }
                System.out.println(json.writeValueAsString(n));
            } else {
                System.out.println(a.firstTime() + "  " + a.severity().lower() + "  " + a.ruleId() + "  " + a.groupKey()
                        + "  (" + a.events().size() + " events, " + a.firings() + " firings)"
                        + (a.author() != null ? "  author: " + a.author() : ""));
            }
        }
        System.err.println(alerts.size() + " alerts");
        return 0;
    }
}
