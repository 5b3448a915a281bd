package io.watchpost.source.emulator;

/** One line of a sample-data file: a log event as CloudWatch stores it. */
public record SampleEvent(String logGroup, String logStream, long timestamp, String message) {
}
