package io.watchpost.normalize;

import java.util.Locale;

/**
 * The parser a log group is pinned to in {@link NormalizerSettings}; {@link #AUTO} detects per event.
 * <ul>
 *   <li>{@code cloudtrail}, {@code guardduty}, {@code securityhub}, {@code json}: the message must be JSON and is read
 *       by that parser whatever keys it has; anything else is kept raw with a parse error.</li>
 *   <li>{@code vpcflow}: every line is read with the group's field list (default version 2); a line that does not fit
 *       is kept raw with a parse error.</li>
 *   <li>{@code syslog}: every line must carry an RFC 3164 or RFC 5424 header, else a parse error.</li>
 *   <li>{@code lambda}: platform and runtime lines are read as Lambda; other lines (the function's own logs share the
 *       group) fall back to auto-detection.</li>
 *   <li>{@code text}: no parsing at all, severity from keywords: for noisy groups nobody needs fields from.</li>
 * </ul>
 */
public enum ParserChoice {
    AUTO, CLOUDTRAIL, VPCFLOW, SYSLOG, GUARDDUTY, SECURITYHUB, LAMBDA, JSON, TEXT;

    /** Accepts the names above in any case, and the source-type spellings ("auth" for syslog). */
    public static ParserChoice parse(String name) {
        if (name == null || name.isBlank()) {
            return AUTO;
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (n) {
            case "auto" -> AUTO;
            case "cloudtrail" -> CLOUDTRAIL;
            case "vpcflow", "vpcflowlogs", "flowlogs" -> VPCFLOW;
            case "syslog", "auth" -> SYSLOG;
            case "guardduty" -> GUARDDUTY;
            case "securityhub" -> SECURITYHUB;
            case "lambda" -> LAMBDA;
            case "json" -> JSON;
            case "text", "none" -> TEXT;
            default -> throw new IllegalArgumentException("unknown parser '" + name
                    + "' (expected auto, cloudtrail, vpcflow, syslog, guardduty, securityhub, lambda, json or text)");
        };
    }
}
