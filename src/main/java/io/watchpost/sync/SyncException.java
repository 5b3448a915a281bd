package io.watchpost.sync;

/**
 * A sync did not complete. The message is one line an analyst can act on and never holds a password; nothing past the
 * last committed batch was marked as pushed, so the next push resumes where this one stopped.
 */
public final class SyncException extends RuntimeException {
    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
