package io.watchpost.source.emulator;

/** One event as a client submits it to PutLogEvents. */
public record InputLogEvent(long timestamp, String message) {
}
