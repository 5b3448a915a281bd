package io.watchpost.source;

/** CloudWatch could not be read; the message is meant for the analyst (what failed and why, no secrets). */
public final class SourceException extends RuntimeException {
    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
