package io.watchpost.source.emulator;

/** One CloudWatch Logs operation: request fields in, a response body (or an {@link EmulatorException}) out. */
@FunctionalInterface
interface OperationHandler {
    JsonBody handle(RequestFields request);
}
