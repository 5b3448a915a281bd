package io.watchpost.source.emulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** DescribeLogGroups and DescribeLogStreams. */
final class DescribeHandlers {

    private DescribeHandlers() {
    }

    static OperationHandler describeLogGroups(EmulatedLogs logs) {
        return req -> {
            ListPage<LogGroupInfo> page = logs.describeLogGroups(req.string("logGroupNamePrefix"),
                    req.intValue("limit"), req.string("nextToken"));
            return g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("logGroups");
                for (LogGroupInfo i : page.items()) {
                    g.writeStartObject();
                    g.writeStringField("logGroupName", i.logGroupName());
                    g.writeNumberField("creationTime", i.creationTime());
                    g.writeNumberField("metricFilterCount", 0);
                    g.writeStringField("arn", i.arn());
                    g.writeNumberField("storedBytes", i.storedBytes());
                    g.writeStringField("logGroupClass", "STANDARD");
                    g.writeStringField("logGroupArn", i.logGroupArn());
                    g.writeEndObject();
                }
                g.writeEndArray();
                nextToken(g, page.nextToken());
                g.writeEndObject();
            };
        };
    }

    static OperationHandler describeLogStreams(EmulatedLogs logs) {
        return req -> {
            Boolean descending = req.bool("descending");
            ListPage<LogStreamInfo> page = logs.describeLogStreams(GetLogEventsHandler.groupName(req),
                    req.string("logStreamNamePrefix"), req.string("orderBy"), Boolean.TRUE.equals(descending),
                    req.intValue("limit"), req.string("nextToken"));
            return g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("logStreams");
                for (LogStreamInfo i : page.items()) {
                    g.writeStartObject();
                    g.writeStringField("logStreamName", i.logStreamName());
                    g.writeNumberField("creationTime", i.creationTime());
                    if (i.firstEventTimestamp() != null) {
                        g.writeNumberField("firstEventTimestamp", i.firstEventTimestamp());
                        g.writeNumberField("lastEventTimestamp", i.lastEventTimestamp());
                    }
                    if (i.lastIngestionTime() != null) {
                        g.writeNumberField("lastIngestionTime", i.lastIngestionTime());
                    }
                    g.writeStringField("uploadSequenceToken", i.uploadSequenceToken());
                    g.writeStringField("arn", i.arn());
                    g.writeNumberField("storedBytes", i.storedBytes());
                    g.writeEndObject();
                }
                g.writeEndArray();
                nextToken(g, page.nextToken());
                g.writeEndObject();
            };
        };
    }

    private static void nextToken(JsonGenerator g, String token) throws IOException {
        if (token != null) {
            g.writeStringField("nextToken", token);
        }
    }
}
