package io.watchpost.source;

/**
 * What "test connection" found: the caller's account and ARN (STS GetCallerIdentity), or the exact reason it
 * failed. {@code logsReachable} tells whether CloudWatch Logs itself answered (DescribeLogGroups), which is what
 * matters against an endpoint without STS such as the embedded one.
 */
public record ConnectionTest(boolean ok, String account, String arn, boolean logsReachable, String message) {
}
