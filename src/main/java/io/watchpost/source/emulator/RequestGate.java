package io.watchpost.source.emulator;

import java.io.OutputStream;

/**
 * Consulted by the HTTP layer for every well-formed request before it is dispatched: the seam for per-API
 * quotas ({@link QuotaGate}) and for fault injection (throttle a share of calls, answer 5xx, sleep to be slow,
 * or cut a response short by wrapping its body stream). Gates only see the HTTP path; in-process calls through
 * {@link EmulatedLogs} are never gated. Implementations must be thread-safe.
 */
public interface RequestGate {

    /** Lets every request through untouched. */
    RequestGate OPEN = operation -> {
    };

    /**
     * Called before the operation runs. Throw an {@link EmulatorException} to answer with that error instead
     * (e.g. {@code new EmulatorException("ThrottlingException", "Rate exceeded")}, or a 500/503 one); block to
     * add latency.
     *
     * @param operation the operation name from X-Amz-Target, e.g. {@code FilterLogEvents}
     */
    void admit(String operation);

    /** Wraps the body of a successful response, e.g. to truncate it mid-stream. The default leaves it alone. */
    default OutputStream wrapResponse(String operation, OutputStream body) {
        return body;
    }

    /** Runs this gate, then {@code next}; the first one to refuse wins. */
    default RequestGate andThen(RequestGate next) {
        RequestGate first = this;
        return new RequestGate() {
            @Override
            public void admit(String operation) {
                first.admit(operation);
                next.admit(operation);
            }

            @Override
            public OutputStream wrapResponse(String operation, OutputStream body) {
                return next.wrapResponse(operation, first.wrapResponse(operation, body));
            }
        };
    }
}
