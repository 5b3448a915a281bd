package io.watchpost.source.emulator;

/** One GetLogEvents result. */
public record OutputLogEvent(long timestamp, String message, long ingestionTime) {
}
