package io.watchpost.ui.dashboard;

import io.watchpost.normalize.SourceTypes;
import io.watchpost.store.TalkerKind;

import java.util.List;
import java.util.Optional;

/** Turns a click on a chart or a top-talker row into the Explorer request for the events behind it. */
final class BucketRequests {

    private BucketRequests() {
    }

    /** The bucket of {@code step} containing the time at {@code xSeconds}, as [from, to) epoch ms. */
    static long[] bucketAt(double xSeconds, long step) {
        long t = (long) Math.floor(xSeconds * 1000);
        long from = t - Math.floorMod(t, step);
        return new long[]{from, from + step};
    }

    /**
     * A click on the stacked throughput chart: the source type whose band holds {@code y} at that bucket, or every
     * source when the click is above the stack.
     */
    static Optional<ExplorerRequest> throughput(DashboardData data, double xSeconds, double y) {
        long[] bucket = bucketAt(xSeconds, data.stepMillis());
        if (!data.hasEvents() || bucket[0] < data.range().fromMillis() - data.stepMillis() || bucket[0] >= data.range().toMillis()) {
            return Optional.empty();
        }
        List<Series> stack = data.stackedRates();
        double[] x = stack.get(0).x();
        int i = java.util.Arrays.binarySearch(x, bucket[0] / 1000.0);
        String filter = "";
        if (i >= 0) {
            for (Series s : stack) {
                if (y <= s.y()[i] && s.y()[i] > (s == stack.get(0) ? 0 : stack.get(stack.indexOf(s) - 1).y()[i])) {
                    filter = ExplorerRequest.equalsTerm("event.dataset", s.name());
                    break;
                }
            }
        }
        return Optional.of(new ExplorerRequest(filter, bucket[0], bucket[1]));
    }

    /** A click on the latency chart: every event of that bucket. */
    static Optional<ExplorerRequest> latency(DashboardData data, double xSeconds) {
        long[] bucket = bucketAt(xSeconds, data.stepMillis());
        return Optional.of(new ExplorerRequest("", bucket[0], bucket[1]));
    }

    /** A click on the anomaly chart: the charted log group (or all) in that bucket. */
    static Optional<ExplorerRequest> anomaly(DashboardData data, double xSeconds) {
        long[] bucket = bucketAt(xSeconds, data.anomalyStepMillis());
        String filter = data.anomalyGroup() == null ? "" : ExplorerRequest.equalsTerm("log.group", data.anomalyGroup());
        return Optional.of(new ExplorerRequest(filter, bucket[0], bucket[1]));
    }

    /** A top-talker row: that value over the whole window. */
    static ExplorerRequest talker(TalkerKind kind, String value, DashboardData data) {
        String filter = switch (kind) {
            case SOURCE_IP -> ExplorerRequest.equalsTerm("source.ip", value);
            case USER -> ExplorerRequest.equalsTerm("user.name", value);
            case ACTION -> ExplorerRequest.equalsTerm("event.dataset", SourceTypes.CLOUDTRAIL) + " and "
                    + ExplorerRequest.equalsTerm("event.action", value);
            case REJECTED_FLOW -> ExplorerRequest.equalsTerm("event.dataset", SourceTypes.VPC_FLOW) + " and "
                    + ExplorerRequest.equalsTerm("event.outcome", "failure") + " and " + ExplorerRequest.equalsTerm("source.ip", value);
        };
        return new ExplorerRequest(filter, data.range().fromMillis(), data.range().toMillis());
    }
}
