package io.watchpost.normalize;

import java.util.List;

/**
 * VPC Flow Log records: space-separated values in the order of the log group's {@link VpcFlowFormat} (default
 * version 2 unless configured).
 * <p>Detection without configuration: the line starts with {@code "2 "} and ends in a version-2 log-status
 * ({@code OK}, {@code NODATA}, {@code SKIPDATA}); then it must have exactly the 14 default fields. With a custom
 * format configured for the group every line that starts with a digit or '-' is read with it.
 * <p>Every value stays queryable under its flow-log name ({@code srcaddr}, {@code dstport}, {@code interface-id} …);
 * {@code -} means "no value" and is left out.
 * <p>Record fields: action = ACCEPT / REJECT, or the log-status for NODATA / SKIPDATA records; outcome = success
 * for ACCEPT, failure for REJECT, unknown otherwise; sourceIp = srcaddr; time = start.
 * <p>ECS: source.ip/port, destination.ip/port, network.iana_number, network.transport (protocol name),
 * network.bytes, network.packets, network.type (ipv4/ipv6), network.direction (flow-direction), event.start,
 * event.end, event.type (allowed/denied), event.category=network, event.kind=event, cloud.provider/account.id/region,
 * cloud.instance.id.
 * <p>Severity: ACCEPT INFO, REJECT NOTICE (routine Internet noise: scans are detection's job), NODATA DEBUG,
 * SKIPDATA WARNING (records were lost).
 */
final class VpcFlowParser implements LogParser {

    /** Cheap pre-check for the default format, before any splitting. */
    static boolean looksLikeDefault(String line) {
        String t = Texts.trimEnd(line);
        return t.length() > 20 && t.charAt(0) == '2' && t.charAt(1) == ' '
                && (t.endsWith(" OK") || t.endsWith(" NODATA") || t.endsWith(" SKIPDATA"));
    }

    /** Reads the line; false (draft untouched) when the number of values does not match the format. */
    @Override
    public boolean parse(ParseInput in, EventDraft d) {
        VpcFlowFormat format = in.group().vpcFlow();
        List<String> values = Texts.tokens(Texts.trimEnd(in.text()), format.size());
        if (values == null || values.size() != format.size()) {
            return false;
        }
        List<String> names = format.fields();
        String src = null, dst = null, srcPort = null, dstPort = null, transport = null, action = null, status = null;
        String packets = null, bytes = null;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if ("-".equals(v)) {
                continue;
            }
            String name = names.get(i);
            d.fields.put(name, v);
            switch (name) {
                case "srcaddr" -> src = v;
                case "dstaddr" -> dst = v;
                case "srcport" -> srcPort = v;
                case "dstport" -> dstPort = v;
                case "protocol" -> transport = IanaProtocols.name(v);
                case "packets" -> packets = v;
                case "bytes" -> bytes = v;
                case "action" -> action = v;
                case "log-status" -> status = v;
                case "start" -> d.eventTime = Timestamps.epoch(v);
                default -> {
                }
            }
        }
        d.sourceType = SourceTypes.VPC_FLOW;
        boolean accept = "ACCEPT".equals(action);
        boolean reject = "REJECT".equals(action);
        d.action(action != null ? action : status);
        d.outcome(accept ? Ecs.OUTCOME_SUCCESS : reject ? Ecs.OUTCOME_FAILURE : Ecs.OUTCOME_UNKNOWN);
        d.sourceIp(src);
        d.severity = accept ? Severity.INFO : reject ? Severity.NOTICE
                : "SKIPDATA".equals(status) ? Severity.WARNING : Severity.DEBUG;
        d.put(Ecs.SOURCE_PORT, srcPort);
        d.put(Ecs.DESTINATION_IP, dst);
        d.put(Ecs.DESTINATION_PORT, dstPort);
        d.put(Ecs.NETWORK_IANA_NUMBER, d.fields.get("protocol"));
        d.put(Ecs.NETWORK_TRANSPORT, transport);
        d.put(Ecs.NETWORK_BYTES, bytes);
        d.put(Ecs.NETWORK_PACKETS, packets);
        String type = d.fields.get("type");
        d.put(Ecs.NETWORK_TYPE, type == null ? null : type.toLowerCase(java.util.Locale.ROOT));
        d.put(Ecs.NETWORK_DIRECTION, d.fields.get("flow-direction"));
        d.put(Ecs.EVENT_START, d.eventTime == null ? null : Timestamps.isoSeconds(d.eventTime.getEpochSecond()));
        java.time.Instant end = Timestamps.epoch(d.fields.get("end"));
        d.put(Ecs.EVENT_END, end == null ? null : Timestamps.isoSeconds(end.getEpochSecond()));
        d.put(Ecs.EVENT_TYPE, accept ? "allowed" : reject ? "denied" : null);
        d.put(Ecs.EVENT_CATEGORY, "network");
        d.put(Ecs.EVENT_KIND, "event");
        d.put(Ecs.CLOUD_PROVIDER, "aws");
        d.put(Ecs.CLOUD_ACCOUNT_ID, d.fields.get("account-id"));
        d.put(Ecs.CLOUD_REGION, d.fields.get("region"));
        d.put(Ecs.CLOUD_INSTANCE_ID, d.fields.get("instance-id"));
        if (action == null && status != null && !"OK".equals(status)) {
            d.message = status + " " + d.fields.getOrDefault("interface-id", "");
        } else {
            d.message = (action == null ? "-" : action) + " " + (src == null ? "-" : src) + (srcPort == null ? "" : ":" + srcPort)
                    + " -> " + (dst == null ? "-" : dst) + (dstPort == null ? "" : ":" + dstPort)
                    + (transport == null ? "" : " " + transport)
                    + (packets == null ? "" : " " + packets + " packets") + (bytes == null ? "" : " " + bytes + " bytes");
        }
        return true;
    }
}
