package io.watchpost.normalize;

/** Names of the formats the parsers recognise; stored in the cache, so never rename one. */
public final class SourceTypes {
    /** CloudTrail records (management, data and Insights events) as a trail delivers them to CloudWatch Logs. */
    public static final String CLOUDTRAIL = "cloudtrail";
    /** VPC Flow Log records, default or custom format. */
    public static final String VPC_FLOW = "vpcflow";
    /** Authentication and account-management lines from syslog (sshd, sudo, su, PAM, useradd, passwd …). */
    public static final String AUTH = "auth";
    /** Any other RFC 3164 / RFC 5424 syslog line. */
    public static final String SYSLOG = "syslog";
    /** GuardDuty findings, raw or in their EventBridge envelope. */
    public static final String GUARDDUTY = "guardduty";
    /** Security Hub findings (ASFF) in their EventBridge envelope. */
    public static final String SECURITY_HUB = "securityhub";
    /** Lambda platform lines (START, END, REPORT, INIT_START …) and runtime-prefixed lines. */
    public static final String LAMBDA = "lambda";
    public static final String JSON = "json";
    public static final String TEXT = "text";

    private SourceTypes() {
    }
}
