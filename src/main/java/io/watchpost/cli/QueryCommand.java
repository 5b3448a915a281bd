package io.watchpost.cli;

import io.watchpost.query.EventExport;
import io.watchpost.query.FilterParser;
import io.watchpost.query.FilterSyntaxException;
import io.watchpost.query.SqlCompiler;
import io.watchpost.query.TimeValues;
import io.watchpost.store.Cache;
import io.watchpost.store.EventExplorer;
import io.watchpost.store.SortOrder;
import io.watchpost.store.SqlWhere;
import io.watchpost.store.StoredEvent;
import io.watchpost.store.TimeRange;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Print cached events matching a filter, newest first (see the README for the filter language).",
                "Example: --filter 'event.action = ConsoleLogin and (event.outcome = failure or source.ip in 10.0.0.0/8)'"})
public final class QueryCommand implements Callable<Integer> {

    enum Format { jsonl, csv, count }

    enum Sort { asc, desc }

    @Mixin
    CacheOption cache;

    @Option(names = "--filter", paramLabel = "EXPR",
            description = "Filter, e.g. 'event.action = ConsoleLogin and event.outcome = failure' (default: everything).")
    String filter;

    @Option(names = "--from", paramLabel = "TIME", converter = RelativeTime.class,
            description = "Events at or after TIME: ISO-8601, epoch ms, or relative (now-15m, now-2h, now-7d).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = RelativeTime.class,
            description = "Events before TIME (same forms as --from; default: no end).")
    Instant to;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "desc",
            description = "By event time: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Sort sort;

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
        long fromMillis = from == null ? TimeRange.ALL.fromMillis() : from.toEpochMilli();
        long toMillis = to == null ? TimeRange.ALL.toMillis() : to.toEpochMilli();
        if (toMillis < fromMillis) {
            System.err.println("watchpost query: --to is before --from");
            return 2;
        }
        TimeRange range = new TimeRange(fromMillis, toMillis);
        try (Cache db = Cache.open(cache.path());
             Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            EventExplorer explorer = new EventExplorer(db.dataSource());
            if (format == Format.count) {
                out.write(explorer.count(where, range) + "\n");
                return 0;
            }
            if (format == Format.csv) {
                EventExport.writeCsvHeader(out);
            }
            SortOrder order = sort == Sort.asc ? SortOrder.OLDEST_FIRST : SortOrder.NEWEST_FIRST;
            for (StoredEvent e : explorer.page(where, range, order, null, limit).events()) {
                if (format == Format.csv) {
                    EventExport.writeCsvRow(out, e.event());
                } else {
                    EventExport.writeJsonLine(out, e.event());
                }
            }
        }
        return 0;
    }

    /** --from/--to: the filter language's time forms, relative ones against the clock. */
    static final class RelativeTime implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return TimeValues.parse(value, Clock.systemUTC()).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a time: use ISO-8601 (2025-11-24T08:00:00Z), epoch milliseconds or now-15m"));
        }
    }
}
