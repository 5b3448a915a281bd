package io.watchpost.source.emulator;

/**
 * An API-level error: the AWS error code (the {@code __type} of the JSON error body), its message and the
 * HTTP status AWS uses for it. Thrown by {@link EmulatedLogs} so in-process callers see the same failures
 * as SDK clients, and turned into AWS's error shape by the HTTP layer.
 */
public final class EmulatorException extends RuntimeException {

    private final String errorCode;
    private final int httpStatus;

    public EmulatorException(String errorCode, String message) {
        this(errorCode, message, 400);
    }

    public EmulatorException(String errorCode, String message, int httpStatus) {
        super(message, null, false, false); // no stack trace: these are expected control flow, thrown per request
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String toString() {
        return errorCode + ": " + getMessage();
    }

    static EmulatorException groupNotFound() {
        return new EmulatorException("ResourceNotFoundException", "The specified log group does not exist.");
    }

    static EmulatorException streamNotFound() {
        return new EmulatorException("ResourceNotFoundException", "The specified log stream does not exist.");
    }

    static EmulatorException groupExists() {
        return new EmulatorException("ResourceAlreadyExistsException", "The specified log group already exists");
    }

    static EmulatorException streamExists() {
        return new EmulatorException("ResourceAlreadyExistsException", "The specified log stream already exists");
    }

    static EmulatorException invalidParameter(String message) {
        return new EmulatorException("InvalidParameterException", message);
    }

    static EmulatorException invalidToken() {
        return invalidParameter("The specified nextToken is invalid.");
    }

    /** Mirrors the wording of AWS's request-validation failures. */
    static EmulatorException constraint(String value, String member, String constraint) {
        return invalidParameter("1 validation error detected: Value " + value + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    static EmulatorException serialization(String message) {
        return new EmulatorException("SerializationException", message);
    }

    static EmulatorException throttled() {
        return new EmulatorException("ThrottlingException", "Rate exceeded");
    }

    static EmulatorException internal(String message) {
        return new EmulatorException("ServiceUnavailableException", message, 500);
    }
}
