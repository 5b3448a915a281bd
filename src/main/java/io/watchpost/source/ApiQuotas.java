package io.watchpost.source;

/**
 * Requests per second Watchpost allows itself per account and region, per CloudWatch Logs API. The defaults are
 * AWS's documented default quotas; an account with raised quotas sets its own.
 */
public record ApiQuotas(double filterLogEventsPerSecond, double getLogEventsPerSecond,
                        double describeLogStreamsPerSecond, double describeLogGroupsPerSecond) {

    public ApiQuotas {
        if (filterLogEventsPerSecond <= 0 || getLogEventsPerSecond <= 0 || describeLogStreamsPerSecond <= 0
                || describeLogGroupsPerSecond <= 0) {
            throw new IllegalArgumentException("every quota must be > 0 requests/s");
        }
    }

    /** FilterLogEvents 5/s, GetLogEvents 10/s, DescribeLogStreams 5/s, DescribeLogGroups 5/s (AWS defaults). */
    public static ApiQuotas awsDefaults() {
        return new ApiQuotas(5, 10, 5, 5);
    }

    public ApiQuotas withFilterLogEvents(double perSecond) {
        return new ApiQuotas(perSecond, getLogEventsPerSecond, describeLogStreamsPerSecond, describeLogGroupsPerSecond);
    }

    public ApiQuotas withGetLogEvents(double perSecond) {
        return new ApiQuotas(filterLogEventsPerSecond, perSecond, describeLogStreamsPerSecond, describeLogGroupsPerSecond);
    }
}
