package io.watchpost.source;

import io.watchpost.background.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseHandler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a StartLiveTail session open for one group and wakes the group's pollers whenever the session reports
 * new events. Live Tail events carry no eventId (and are sampled above 500 events/s), so they are never stored
 * themselves: each notification triggers an immediate catch-up read, which stores the events with CloudWatch's own
 * ids. That keeps de-duplication exact while cutting freshness from the poll interval to the catch-up time.
 *
 * <p>When Live Tail is unavailable (UnknownOperationException from an endpoint without it, AccessDenied, the
 * account's 15-session limit, no session within {@link #START_TIMEOUT_SECONDS}) the group stays on polling; a
 * session that ends normally (AWS closes them after 3 hours) is reopened.
 */
final class LiveTailWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTailWatcher.class);
    static final int START_TIMEOUT_SECONDS = 10;
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(
            BackgroundThreads.named("watchpost-livetail-timer"));

    private final CloudWatchLogsAsyncClient client;
    private final String logGroupArn;
    private final GroupTelemetry telemetry;
    private final Runnable onNewEvents;
    private final Cancellation cancellation;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile CompletableFuture<Void> session;
    private volatile String unavailableReason;

    LiveTailWatcher(CloudWatchLogsAsyncClient client, String logGroupArn, GroupTelemetry telemetry,
                    Runnable onNewEvents, Cancellation cancellation) {
        this.client = client;
        this.logGroupArn = logGroupArn;
        this.telemetry = telemetry;
        this.onNewEvents = onNewEvents;
        this.cancellation = cancellation;
    }

    /** Why Live Tail is not in use, or null while it is (or still starting). */
    String unavailableReason() {
        return unavailableReason;
    }

    void start() {
        if (cancellation.isCancelled()) {
            return;
        }
        started.set(false);
        StartLiveTailResponseHandler handler = StartLiveTailResponseHandler.builder()
                .subscriber(StartLiveTailResponseHandler.Visitor.builder()
                        .onSessionStart(s -> {
                            started.set(true);
                            unavailableReason = null;
                            telemetry.mode(IngestMode.LIVE_TAIL);
                        })
                        .onSessionUpdate(u -> {
                            if (u.hasSessionResults() && !u.sessionResults().isEmpty()) {
                                onNewEvents.run();
                            }
                        })
                        .build())
                .onError(e -> {
                })
                .build();
        CompletableFuture<Void> f;
        try {
            f = client.startLiveTail(StartLiveTailRequest.builder().logGroupIdentifiers(logGroupArn).build(), handler);
        } catch (RuntimeException e) {
            fallBack("Live Tail could not start: " + e.getMessage(), false);
            return;
        }
        session = f;
        TIMERS.schedule(() -> {
            if (!started.get() && !f.isDone()) {
                f.cancel(true);
                fallBack("no Live Tail session within " + START_TIMEOUT_SECONDS + " s", false);
            }
        }, START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        f.whenComplete((v, error) -> {
            if (cancellation.isCancelled()) {
                return;
            }
            if (error == null && started.get()) {
                // AWS ends sessions after 3 hours: open the next one.
                telemetry.mode(IngestMode.POLLING);
                TIMERS.schedule(this::start, 1, TimeUnit.SECONDS);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String reason = cause == null ? "the session ended before it started" : describe(cause);
            fallBack(reason, started.get());
        });
    }

    private void fallBack(String reason, boolean wasLive) {
        unavailableReason = reason;
        if (telemetry.mode() == IngestMode.LIVE_TAIL || telemetry.mode() == IngestMode.STARTING) {
            telemetry.mode(IngestMode.POLLING);
        }
        LOG.info("{}: Live Tail unavailable ({}); polling", telemetry.logGroup(), reason);
        if (wasLive && !cancellation.isCancelled()) {
            // A live session that broke (network) is worth reopening; an endpoint that refuses it is not.
            TIMERS.schedule(this::start, 30, TimeUnit.SECONDS);
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            return ase.awsErrorDetails().errorCode() + (ase.awsErrorDetails().errorMessage() == null ? ""
                    : ": " + ase.awsErrorDetails().errorMessage());
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @Override
    public void close() {
        CompletableFuture<Void> f = session;
        if (f != null) {
            f.cancel(true);
        }
    }
}
