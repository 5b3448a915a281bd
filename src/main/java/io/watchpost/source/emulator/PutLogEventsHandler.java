package io.watchpost.source.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** PutLogEvents; the (deprecated) sequenceToken is accepted and ignored, as AWS does today. */
final class PutLogEventsHandler implements OperationHandler {

    private final EmulatedLogs logs;

    PutLogEventsHandler(EmulatedLogs logs) {
        this.logs = logs;
    }

    @Override
    public JsonBody handle(RequestFields req) {
        String group = req.string("logGroupName");
        String stream = req.string("logStreamName");
        req.string("sequenceToken"); // type-checked only
        JsonNode list = req.node("logEvents");
        List<InputLogEvent> events = null;
        if (list != null) {
            if (!list.isArray()) {
                throw RequestFields.typeError("logEvents", "a list");
            }
            events = new ArrayList<>(list.size());
            for (JsonNode e : list) {
                if (!e.isObject()) {
                    throw RequestFields.typeError("logEvents", "a list of InputLogEvent");
                }
                Long ts = RequestFields.longOf(e.get("timestamp"), "timestamp");
                JsonNode m = e.get("message");
                if (m != null && !m.isNull() && !m.isTextual()) {
                    throw RequestFields.typeError("message", "a string");
                }
                if (ts == null) {
                    throw EmulatorException.constraint("null", "logEvents." + (events.size() + 1) + ".member.timestamp",
                            "Member must not be null");
                }
                events.add(new InputLogEvent(ts, m == null || m.isNull() ? null : m.textValue()));
            }
        }
        PutResult r = logs.putLogEvents(group, stream, events);
        return g -> {
            g.writeStartObject();
            g.writeStringField("nextSequenceToken", r.nextSequenceToken());
            RejectedLogEventsInfo rej = r.rejected();
            if (rej != null) {
                g.writeObjectFieldStart("rejectedLogEventsInfo");
                if (rej.tooNewLogEventStartIndex() != null) {
                    g.writeNumberField("tooNewLogEventStartIndex", rej.tooNewLogEventStartIndex());
                }
                if (rej.tooOldLogEventEndIndex() != null) {
                    g.writeNumberField("tooOldLogEventEndIndex", rej.tooOldLogEventEndIndex());
                }
                if (rej.expiredLogEventEndIndex() != null) {
                    g.writeNumberField("expiredLogEventEndIndex", rej.expiredLogEventEndIndex());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        };
    }
}
