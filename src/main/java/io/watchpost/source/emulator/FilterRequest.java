package io.watchpost.source.emulator;

import java.util.List;

/** FilterLogEvents parameters; null means "not given", as in the API. Times are epoch millis, both inclusive. */
public record FilterRequest(String logGroupName, List<String> logStreamNames, String logStreamNamePrefix,
                            Long startTime, Long endTime, String filterPattern, Integer limit, String nextToken) {

    public static FilterRequest all(String logGroupName) {
        return new FilterRequest(logGroupName, null, null, null, null, null, null, null);
    }

    public FilterRequest withNextToken(String token) {
        return new FilterRequest(logGroupName, logStreamNames, logStreamNamePrefix, startTime, endTime,
                filterPattern, limit, token);
    }
}
