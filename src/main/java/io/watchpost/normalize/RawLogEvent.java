package io.watchpost.normalize;

/**
 * One log event exactly as CloudWatch Logs returned it, before any parsing.
 *
 * @param timestamp     the event's own time, epoch milliseconds UTC
 * @param ingestionTime when CloudWatch accepted it, epoch milliseconds UTC (0 when the API does not say)
 */
public record RawLogEvent(String logGroup, String logStream, String eventId, long timestamp, long ingestionTime,
                          String message) {
}
