package io.watchpost.source.emulator;

/** FilterLogEvents, serialised event by event (the page holds references only, never a JSON tree). */
final class FilterLogEventsHandler implements OperationHandler {

    private final EmulatedLogs logs;

    FilterLogEventsHandler(EmulatedLogs logs) {
        this.logs = logs;
    }

    @Override
    public JsonBody handle(RequestFields req) {
        // "interleaved" is deprecated and always true in AWS; accepted and ignored.
        req.bool("interleaved");
        req.bool("unmask");
        FilterPage page = logs.filterLogEvents(new FilterRequest(
                req.string("logGroupName"), req.stringList("logStreamNames"), req.string("logStreamNamePrefix"),
                req.longValue("startTime"), req.longValue("endTime"), req.string("filterPattern"),
                req.intValue("limit"), req.string("nextToken")));
        return g -> {
            char[] id = new char[EventIds.LENGTH];
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (FilteredEvent e : page.events()) {
                g.writeStartObject();
                g.writeStringField("logStreamName", e.logStreamName());
                g.writeNumberField("timestamp", e.timestamp());
                g.writeStringField("message", e.message());
                g.writeNumberField("ingestionTime", e.ingestionTime());
                g.writeFieldName("eventId");
                EventIds.write(e.sequence(), id);
                g.writeString(id, 0, id.length);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("searchedLogStreams");
            for (String s : page.searchedLogStreams()) {
                g.writeStartObject();
                g.writeStringField("logStreamName", s);
                g.writeBooleanField("searchedCompletely", page.nextToken() == null);
                g.writeEndObject();
            }
            g.writeEndArray();
            if (page.nextToken() != null) {
                g.writeStringField("nextToken", page.nextToken());
            }
            g.writeEndObject();
        };
    }
}
