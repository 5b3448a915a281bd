package io.watchpost.source.emulator;

/**
 * GetLogEvents parameters; null means "not given". startTime is inclusive, endTime exclusive (as AWS documents
 * for this operation, unlike FilterLogEvents).
 */
public record GetEventsRequest(String logGroupName, String logStreamName, Long startTime, Long endTime,
                               Integer limit, String nextToken, Boolean startFromHead) {
}
