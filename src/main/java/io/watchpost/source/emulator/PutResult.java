package io.watchpost.source.emulator;

/**
 * Outcome of a PutLogEvents call.
 *
 * @param nextSequenceToken  the stream's new upload sequence token (deprecated by AWS but still returned)
 * @param acceptedCount      how many events were stored
 * @param rejected           null when every event was accepted
 */
public record PutResult(String nextSequenceToken, int acceptedCount, RejectedLogEventsInfo rejected) {
}
