package io.watchpost.source.emulator;

/** What DescribeLogStreams reports about a stream; event timestamps are null while the stream is empty. */
public record LogStreamInfo(String logGroupName, String logStreamName, long creationTime, Long firstEventTimestamp,
                            Long lastEventTimestamp, Long lastIngestionTime, String uploadSequenceToken,
                            long storedBytes, long eventCount) {

    public String arn() {
        return Arns.PREFIX + "log-group:" + logGroupName + ":log-stream:" + logStreamName;
    }
}
