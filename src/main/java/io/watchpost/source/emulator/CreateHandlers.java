package io.watchpost.source.emulator;

/** CreateLogGroup and CreateLogStream: both answer an empty JSON object. */
final class CreateHandlers {

    private CreateHandlers() {
    }

    static OperationHandler createLogGroup(EmulatedLogs logs) {
        return req -> {
            // kmsKeyId, tags and logGroupClass are accepted and ignored.
            logs.createLogGroup(req.string("logGroupName"));
            return CreateHandlers::emptyObject;
        };
    }

    static OperationHandler createLogStream(EmulatedLogs logs) {
        return req -> {
            logs.createLogStream(req.string("logGroupName"), req.string("logStreamName"));
            return CreateHandlers::emptyObject;
        };
    }

    private static void emptyObject(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeStartObject();
        g.writeEndObject();
    }
}
