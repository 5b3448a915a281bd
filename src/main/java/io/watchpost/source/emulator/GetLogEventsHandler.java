package io.watchpost.source.emulator;

/** GetLogEvents for one stream. */
final class GetLogEventsHandler implements OperationHandler {

    private final EmulatedLogs logs;

    GetLogEventsHandler(EmulatedLogs logs) {
        this.logs = logs;
    }

    @Override
    public JsonBody handle(RequestFields req) {
        String stream = req.string("logStreamName");
        if (stream == null && req.string("logStreamNameOrArn") != null) {
            stream = req.string("logStreamNameOrArn");
        }
        req.bool("unmask");
        GetEventsPage page = logs.getLogEvents(new GetEventsRequest(
                groupName(req), stream, req.longValue("startTime"), req.longValue("endTime"),
                req.intValue("limit"), req.string("nextToken"), req.bool("startFromHead")));
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (OutputLogEvent e : page.events()) {
                g.writeStartObject();
                g.writeNumberField("timestamp", e.timestamp());
                g.writeStringField("message", e.message());
                g.writeNumberField("ingestionTime", e.ingestionTime());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("nextForwardToken", page.nextForwardToken());
            g.writeStringField("nextBackwardToken", page.nextBackwardToken());
            g.writeEndObject();
        };
    }

    /** Newer SDKs may send logGroupIdentifier (a name or an ARN) instead of logGroupName. */
    static String groupName(RequestFields req) {
        String name = req.string("logGroupName");
        String id = req.string("logGroupIdentifier");
        if (name == null && id != null) {
            String prefix = Arns.PREFIX + "log-group:";
            name = id.startsWith(prefix) ? id.substring(prefix.length()).replaceFirst(":\\*$", "") : id;
        }
        return name;
    }
}
