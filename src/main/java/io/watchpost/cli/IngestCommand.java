package io.watchpost.cli;

import io.watchpost.normalize.Normalizer;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.CloudWatchClients;
import io.watchpost.source.IngestMetrics;
import io.watchpost.source.IngestPipeline;
import io.watchpost.source.RangeIngest;
import io.watchpost.source.SourceException;
import io.watchpost.store.AppendResult;
import io.watchpost.store.Cache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read log groups from CloudWatch Logs through the AWS SDK, normalize and cache the events.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    CacheOption cache;

    @Option(names = "--log-group", required = true, paramLabel = "NAME", description = "Log group to read; repeatable.")
    List<String> logGroups;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Endpoint override, e.g. the embedded endpoint http://127.0.0.1:4566.")
    URI endpoint;

    @Option(names = "--region", paramLabel = "R", description = "AWS region (default: us-east-1).")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "Named profile from ~/.aws/config (default: the SDK's default chain).")
    String profile;

    @Option(names = "--start", paramLabel = "T", converter = TimeArgument.class,
            description = "Range start, inclusive: ISO-8601 or epoch milliseconds (default: the beginning).")
    Instant start;

    @Option(names = "--end", paramLabel = "T", converter = TimeArgument.class,
            description = "Range end, inclusive: ISO-8601 or epoch milliseconds (default: now).")
    Instant end;

    @Override
    public Integer call() {
        AwsSettings settings = new AwsSettings(endpoint, region, profile);
        long began = System.nanoTime();
        IngestMetrics metrics = new IngestMetrics();
        AppendResult total = AppendResult.NONE;
        try (Cache db = Cache.open(cache.path()); CloudWatchLogsClient client = CloudWatchClients.create(settings)) {
            RangeIngest ingest = new RangeIngest(client, new IngestPipeline(new Normalizer(), db.events(), metrics));
            try {
                for (String group : logGroups) {
                    total = total.plus(ingest.ingest(group, start == null ? null : start.toEpochMilli(),
                            end == null ? null : end.toEpochMilli()));
                }
            } catch (SourceException e) {
                System.err.println("watchpost ingest: " + e.getMessage());
                System.err.println(summary(metrics.snapshot().read(), total, began) + " (kept)");
                return 1;
            }
        }
        System.out.println(summary(metrics.snapshot().read(), total, began));
        return 0;
    }

    private static String summary(long read, AppendResult total, long began) {
        return String.format(Locale.ROOT, "read %d events, stored %d, duplicates %d, %.2f s",
                read, total.stored(), total.duplicates(), (System.nanoTime() - began) / 1e9);
    }
}
