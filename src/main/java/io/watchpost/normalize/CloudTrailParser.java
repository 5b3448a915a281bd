package io.watchpost.normalize;

import java.util.Locale;
import java.util.Map;

/**
 * CloudTrail records as a trail delivers them to CloudWatch Logs: one JSON record per event.
 * <p>Detection: a JSON object with {@code eventVersion} and either {@code eventSource} or {@code eventType}
 * (Insights records have no eventSource).
 * <p>Record fields: action = eventName (Insights: the insight's eventName); outcome = failure when errorCode or
 * errorMessage is present or a sign-in's responseElements says "Failure", else success; user = userName, else the
 * session issuer's name (the role), else "root" for the Root type, else the ARN, principalId or the invoking service;
 * sourceIp = sourceIPAddress when it is an address (service names such as ec2.amazonaws.com go to
 * {@code source.address}).
 * <p>ECS: event.action, event.outcome, event.provider, event.kind=event, event.category (see {@link #category}),
 * event.type, source.ip/address, user.name, user.id, user_agent.original, cloud.provider/account.id/region, and
 * {@code aws.cloudtrail.*}: user_identity.type/arn/account_id/principal_id/access_key_id/invoked_by,
 * user_identity.session_context.mfa_authenticated/creation_date/session_issuer.type/arn/user_name/account_id,
 * console_login.additional_eventdata.mfa_used, mfa_used (true/false from either), error_code, error_message,
 * recipient_account_id, read_only, management_event, event_type, event_category.
 */
final class CloudTrailParser implements LogParser {

    static boolean matches(Map<String, String> f) {
        return f.containsKey("eventVersion") && (f.containsKey("eventSource") || f.containsKey("eventType"));
    }

    @Override
    public boolean parse(ParseInput in, EventDraft d) {
        Map<String, String> f = in.json();
        if (f == null) {
            return false;
        }
        d.sourceType = SourceTypes.CLOUDTRAIL;
        d.eventTime = Timestamps.iso(f.get("eventTime"));
        String source = f.get("eventSource");
        String eventType = f.get("eventType");
        String action = Texts.firstNonNull(f.get("eventName"), f.get("insightDetails.eventName"), eventType);
        String errorCode = f.get("errorCode");
        String errorMessage = f.get("errorMessage");
        boolean signInFailure = "Failure".equals(f.get("responseElements.ConsoleLogin"))
                || "Failure".equals(f.get("responseElements.CheckMfa"));
        boolean insight = "AwsCloudTrailInsight".equals(eventType);
        String outcome = insight ? Ecs.OUTCOME_UNKNOWN
                : errorCode != null || errorMessage != null || signInFailure ? Ecs.OUTCOME_FAILURE : Ecs.OUTCOME_SUCCESS;
        String idType = f.get("userIdentity.type");
        String user = Texts.firstNonNull(f.get("userIdentity.userName"),
                f.get("userIdentity.sessionContext.sessionIssuer.userName"),
                "Root".equals(idType) ? "root" : null,
                f.get("userIdentity.arn"), f.get("userIdentity.principalId"), f.get("userIdentity.invokedBy"));
        String sourceAddress = f.get("sourceIPAddress");

        d.action(action);
        d.outcome(outcome);
        d.user(user);
        d.sourceIp(sourceAddress);
        d.severity = Ecs.OUTCOME_FAILURE.equals(outcome) ? Severity.WARNING : Severity.INFO;
        d.put(Ecs.EVENT_PROVIDER, source);
        d.put(Ecs.EVENT_KIND, "event");
        d.put(Ecs.EVENT_CATEGORY, category(source, action, eventType, f.get("readOnly")));
        d.put(Ecs.EVENT_TYPE, "true".equals(f.get("readOnly")) ? "access" : insight ? "info" : "change");
        d.put(Ecs.USER_ID, f.get("userIdentity.principalId"));
        d.put(Ecs.USER_AGENT, f.get("userAgent"));
        d.put(Ecs.CLOUD_PROVIDER, "aws");
        d.put(Ecs.CLOUD_ACCOUNT_ID, Texts.firstNonNull(f.get("recipientAccountId"), f.get("userIdentity.accountId")));
        d.put(Ecs.CLOUD_REGION, f.get("awsRegion"));
        d.put("aws.cloudtrail.user_identity.type", idType);
        d.put("aws.cloudtrail.user_identity.arn", f.get("userIdentity.arn"));
        d.put("aws.cloudtrail.user_identity.account_id", f.get("userIdentity.accountId"));
        d.put("aws.cloudtrail.user_identity.principal_id", f.get("userIdentity.principalId"));
        d.put("aws.cloudtrail.user_identity.access_key_id", f.get("userIdentity.accessKeyId"));
        d.put("aws.cloudtrail.user_identity.invoked_by", f.get("userIdentity.invokedBy"));
        String mfaAuthenticated = f.get("userIdentity.sessionContext.attributes.mfaAuthenticated");
        d.put("aws.cloudtrail.user_identity.session_context.mfa_authenticated", mfaAuthenticated);
        d.put("aws.cloudtrail.user_identity.session_context.creation_date",
                f.get("userIdentity.sessionContext.attributes.creationDate"));
        d.put("aws.cloudtrail.user_identity.session_context.session_issuer.type",
                f.get("userIdentity.sessionContext.sessionIssuer.type"));
        d.put("aws.cloudtrail.user_identity.session_context.session_issuer.arn",
                f.get("userIdentity.sessionContext.sessionIssuer.arn"));
        d.put("aws.cloudtrail.user_identity.session_context.session_issuer.user_name",
                f.get("userIdentity.sessionContext.sessionIssuer.userName"));
        d.put("aws.cloudtrail.user_identity.session_context.session_issuer.account_id",
                f.get("userIdentity.sessionContext.sessionIssuer.accountId"));
        String mfaUsed = f.get("additionalEventData.MFAUsed");
        d.put("aws.cloudtrail.console_login.additional_eventdata.mfa_used", mfaUsed);
        if (mfaUsed != null || mfaAuthenticated != null) {
            boolean mfa = (mfaUsed != null && mfaUsed.equalsIgnoreCase("yes"))
                    || (mfaAuthenticated != null && mfaAuthenticated.equalsIgnoreCase("true"));
            d.put("aws.cloudtrail.mfa_used", mfa ? "true" : "false");
        }
        d.put("aws.cloudtrail.error_code", errorCode);
        d.put("aws.cloudtrail.error_message", errorMessage);
        d.put("aws.cloudtrail.recipient_account_id", f.get("recipientAccountId"));
        d.put("aws.cloudtrail.read_only", f.get("readOnly"));
        d.put("aws.cloudtrail.management_event", f.get("managementEvent"));
        d.put("aws.cloudtrail.event_type", eventType);
        d.put("aws.cloudtrail.event_category", f.get("eventCategory"));

        StringBuilder m = new StringBuilder(96).append(action).append(" by ").append(user == null ? "?" : user)
                .append(" from ").append(sourceAddress == null ? "?" : sourceAddress);
        if (source != null) {
            m.append(" on ").append(source);
        }
        if (errorCode != null || errorMessage != null) {
            m.append(" (").append(errorCode != null ? errorCode : errorMessage).append(')');
        } else if (signInFailure) {
            m.append(" (Failure)");
        }
        d.message = m.toString();
        return true;
    }

    /**
     * ECS event.category: sign-in → authentication; IAM, STS, SSO and Identity Store → iam; EC2 calls on security
     * groups, network ACLs, routes, VPCs, subnets and flow logs → network; other calls that change something →
     * configuration; read-only calls → api.
     */
    static String category(String source, String action, String eventType, String readOnly) {
        if ("AwsConsoleSignIn".equals(eventType) || "signin.amazonaws.com".equals(source)) {
            return "authentication";
        }
        if (source != null && (source.startsWith("iam.") || source.startsWith("sts.") || source.startsWith("sso")
                || source.startsWith("identitystore."))) {
            return "iam";
        }
        if ("ec2.amazonaws.com".equals(source) && action != null) {
            String a = action.toLowerCase(Locale.ROOT);
            if (a.contains("securitygroup") || a.contains("networkacl") || a.contains("route") || a.contains("vpc")
                    || a.contains("subnet") || a.contains("flowlogs") || a.contains("internetgateway")) {
                return "network";
            }
        }
        return "true".equals(readOnly) ? "api" : "configuration";
    }
}
