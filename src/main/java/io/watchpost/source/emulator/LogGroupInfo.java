package io.watchpost.source.emulator;

/** What DescribeLogGroups reports about a group. */
public record LogGroupInfo(String logGroupName, long creationTime, long storedBytes) {

    public String arn() {
        return logGroupArn() + ":*";
    }

    public String logGroupArn() {
        return Arns.PREFIX + "log-group:" + logGroupName;
    }
}
