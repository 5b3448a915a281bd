package io.watchpost.normalize;

import java.util.Locale;
import java.util.Map;

/**
 * GuardDuty and Security Hub findings, as EventBridge delivers them to a CloudWatch Logs target
 * ({@code {"version":"0","detail-type":"GuardDuty Finding","source":"aws.guardduty","detail":{…finding…}}}), so
 * findings sit beside the raw events they concern. A bare GuardDuty finding (as exported) is read too.
 * <p>Detection: {@code source} = aws.guardduty or aws.securityhub with a {@code detail-type}; or a bare finding with
 * {@code schemaVersion}, {@code type} and {@code service.serviceName} = guardduty.
 * <p>Record fields: action = the finding type ({@code UnauthorizedAccess:EC2/SSHBruteForce}; Security Hub: the first
 * of Types, else the Title); user = the access key's user name (GuardDuty) when the finding names one; sourceIp = the
 * actor's remote IP, from whichever action the finding carries (network connection, API call, port probe,
 * Kubernetes, RDS login …); outcome not set (a finding is an alert, not an attempt).
 * <p>ECS: event.kind=alert, event.category=threat, event.action, rule.name (type), event.severity (GuardDuty's
 * number / Security Hub's normalized 0–100), cloud.provider/account.id/region, source.ip, and
 * {@code aws.finding.id/title/severity_label/resource_type/resource_id}.
 * <p>Severity: GuardDuty ≥ 9 CRITICAL, ≥ 7 ERROR (high), ≥ 4 WARNING (medium), else NOTICE (low). Security Hub labels:
 * CRITICAL, HIGH → ERROR, MEDIUM → WARNING, LOW → NOTICE, INFORMATIONAL → INFO.
 */
final class FindingParser implements LogParser {

    static String kind(Map<String, String> f) {
        String source = f.get("source");
        if (source != null && f.containsKey("detail-type")) {
            if (source.equals("aws.guardduty")) {
                return SourceTypes.GUARDDUTY;
            }
            if (source.equals("aws.securityhub")) {
                return SourceTypes.SECURITY_HUB;
            }
        }
        if (f.containsKey("schemaVersion") && f.containsKey("type") && "guardduty".equals(f.get("service.serviceName"))) {
            return SourceTypes.GUARDDUTY;
        }
        return null;
    }

    private final String sourceType;

    FindingParser(String sourceType) {
        this.sourceType = sourceType;
    }

    @Override
    public boolean parse(ParseInput in, EventDraft d) {
        Map<String, String> f = in.json();
        if (f == null) {
            return false;
        }
        d.sourceType = sourceType;
        d.put(Ecs.EVENT_KIND, "alert");
        d.put(Ecs.EVENT_CATEGORY, "threat");
        d.put(Ecs.CLOUD_PROVIDER, "aws");
        if (SourceTypes.SECURITY_HUB.equals(sourceType)) {
            securityHub(f, d);
        } else {
            guardDuty(f, f.containsKey("detail-type") ? "detail." : "", d);
        }
        d.put("aws.finding.detail_type", f.get("detail-type"));
        return true;
    }

    private static void guardDuty(Map<String, String> f, String p, EventDraft d) {
        String type = f.get(p + "type");
        d.eventTime = Texts.firstNonNull(Timestamps.iso(f.get("time")), Timestamps.iso(f.get(p + "updatedAt")),
                Timestamps.iso(f.get(p + "createdAt")));
        d.action(type);
        d.put(Ecs.RULE_NAME, type);
        String severity = f.get(p + "severity");
        d.put(Ecs.EVENT_SEVERITY, severity);
        d.severity = guardDutySeverity(severity);
        d.put(Ecs.CLOUD_ACCOUNT_ID, Texts.firstNonNull(f.get(p + "accountId"), f.get("account")));
        d.put(Ecs.CLOUD_REGION, Texts.firstNonNull(f.get(p + "region"), f.get("region")));
        d.put("aws.finding.id", f.get(p + "id"));
        d.put("aws.finding.title", f.get(p + "title"));
        String resourceType = f.get(p + "resource.resourceType");
        d.put("aws.finding.resource_type", resourceType);
        String resourceId = Texts.firstNonNull(f.get(p + "resource.instanceDetails.instanceId"),
                f.get(p + "resource.accessKeyDetails.accessKeyId"), f.get(p + "resource.s3BucketDetails.0.name"),
                f.get(p + "resource.eksClusterDetails.name"), f.get(p + "resource.rdsDbInstanceDetails.dbInstanceIdentifier"),
                f.get(p + "resource.lambdaDetails.functionName"));
        d.put("aws.finding.resource_id", resourceId);
        d.put(Ecs.CLOUD_INSTANCE_ID, f.get(p + "resource.instanceDetails.instanceId"));
        d.user(f.get(p + "resource.accessKeyDetails.userName"));
        String action = p + "service.action.";
        d.sourceIp(Texts.firstNonNull(
                f.get(action + "networkConnectionAction.remoteIpDetails.ipAddressV4"),
                f.get(action + "awsApiCallAction.remoteIpDetails.ipAddressV4"),
                f.get(action + "portProbeAction.portProbeDetails.0.remoteIpDetails.ipAddressV4"),
                f.get(action + "kubernetesApiCallAction.remoteIpDetails.ipAddressV4"),
                f.get(action + "rdsLoginAttemptAction.remoteIpDetails.ipAddressV4"),
                f.get(action + "networkConnectionAction.remoteIpDetails.ipAddressV6"),
                f.get(action + "awsApiCallAction.remoteIpDetails.ipAddressV6")));
        d.put(Ecs.SOURCE_PORT, f.get(action + "networkConnectionAction.remotePortDetails.port"));
        d.put(Ecs.DESTINATION_PORT, Texts.firstNonNull(f.get(action + "networkConnectionAction.localPortDetails.port"),
                f.get(action + "portProbeAction.portProbeDetails.0.localPortDetails.port")));
        d.message = "GuardDuty " + (type == null ? "finding" : type) + (resourceId == null ? "" : " on " + resourceId)
                + (d.sourceIp == null ? "" : " from " + d.sourceIp);
    }

    private static Severity guardDutySeverity(String s) {
        if (s == null) {
            return Severity.WARNING;
        }
        try {
            double v = Double.parseDouble(s);
            return v >= 9 ? Severity.CRITICAL : v >= 7 ? Severity.ERROR : v >= 4 ? Severity.WARNING : Severity.NOTICE;
        } catch (NumberFormatException e) {
            return Severity.fromWord(s);
        }
    }

    private static void securityHub(Map<String, String> f, EventDraft d) {
        String p = f.containsKey("detail.findings.0.Id") || f.containsKey("detail.findings.0.SchemaVersion")
                ? "detail.findings.0." : "detail.";
        String type = f.get(p + "Types.0");
        String title = f.get(p + "Title");
        d.eventTime = Texts.firstNonNull(Timestamps.iso(f.get("time")), Timestamps.iso(f.get(p + "UpdatedAt")));
        d.action(type != null ? type : title);
        d.put(Ecs.RULE_NAME, type != null ? type : title);
        String label = Texts.firstNonNull(f.get(p + "Severity.Label"), f.get(p + "FindingProviderFields.Severity.Label"));
        d.put(Ecs.EVENT_SEVERITY, Texts.firstNonNull(f.get(p + "Severity.Normalized"), f.get(p + "Severity.Product")));
        d.put("aws.finding.severity_label", label);
        d.severity = label == null ? Severity.WARNING : switch (label.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Severity.CRITICAL;
            case "HIGH" -> Severity.ERROR;
            case "MEDIUM" -> Severity.WARNING;
            case "LOW" -> Severity.NOTICE;
            default -> Severity.INFO;
        };
        d.put(Ecs.CLOUD_ACCOUNT_ID, Texts.firstNonNull(f.get(p + "AwsAccountId"), f.get("account")));
        d.put(Ecs.CLOUD_REGION, Texts.firstNonNull(f.get(p + "Region"), f.get("region")));
        d.put("aws.finding.id", f.get(p + "Id"));
        d.put("aws.finding.title", title);
        d.put("aws.finding.product", Texts.firstNonNull(f.get(p + "ProductName"), f.get(p + "ProductArn")));
        d.put("aws.finding.resource_type", f.get(p + "Resources.0.Type"));
        d.put("aws.finding.resource_id", f.get(p + "Resources.0.Id"));
        d.sourceIp(Texts.firstNonNull(f.get(p + "Action.NetworkConnectionAction.RemoteIpDetails.IpAddressV4"),
                f.get(p + "Action.AwsApiCallAction.RemoteIpDetails.IpAddressV4"),
                f.get(p + "Action.PortProbeAction.PortProbeDetails.0.RemoteIpDetails.IpAddressV4"),
                f.get(p + "Network.SourceIpV4")));
        d.message = "Security Hub " + (label == null ? "" : label + " ") + (title != null ? title : type);
    }
}
