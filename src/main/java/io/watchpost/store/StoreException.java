package io.watchpost.store;

/** The cache could not do what was asked; the message says what, the cause says why. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
