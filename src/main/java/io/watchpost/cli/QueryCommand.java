package io.watchpost.cli;

import io.watchpost.query.EventExport;
import io.watchpost.query.FilterParser;
import io.watchpost.query.FilterSyntaxException;
import io.watchpost.query.SqlCompiler;
import io.watchpost.store.Cache;
import io.watchpost.store.SqlWhere;
import io.watchpost.store.StoredEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Print cached events matching a filter, newest first.")
public final class QueryCommand implements Callable<Integer> {

    enum Format { jsonl, csv, count }

    @Mixin
    CacheOption cache;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Filter, e.g. 'event.action = ConsoleLogin AND event.outcome = failure' (default: everything).")
    String filter;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N events (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "F", defaultValue = "jsonl",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
        SqlWhere where;
        try {
            where = SqlCompiler.compile(FilterParser.parse(filter));
        } catch (FilterSyntaxException e) {
            System.err.println("watchpost query: bad filter: " + e.getMessage());
            if (filter != null) {
                System.err.println("  " + filter);
                System.err.println("  " + " ".repeat(Math.max(0, e.column() - 1)) + "^");
            }
            return 2;
        }
        try (Cache db = Cache.open(cache.path());
             Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            if (format == Format.count) {
                out.write(db.events().count(where) + "\n");
                return 0;
            }
            if (format == Format.csv) {
                EventExport.writeCsvHeader(out);
            }
            for (StoredEvent e : db.events().find(where, limit, true)) {
                if (format == Format.csv) {
                    EventExport.writeCsvRow(out, e.event());
                } else {
                    EventExport.writeJsonLine(out, e.event());
                }
            }
        }
        return 0;
    }
}
