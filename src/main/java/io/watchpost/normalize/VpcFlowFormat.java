package io.watchpost.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A VPC Flow Logs field list: the default version-2 format or any custom selection of the version 2–5 fields, in the
 * order the flow log was created with ({@code ${version} ${srcaddr} …} or plain {@code version srcaddr …}).
 * Resolved once into indexes so a record is read without looking names up.
 */
public record VpcFlowFormat(List<String> fields) {

    /** Every field AWS documents for versions 2 to 5. */
    public static final Set<String> KNOWN_FIELDS = Set.of("version", "account-id", "interface-id", "srcaddr", "dstaddr",
            "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status",
            "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr",
            "region", "az-id", "sublocation-type", "sublocation-id", "pkt-src-aws-service", "pkt-dst-aws-service",
            "flow-direction", "traffic-path", "ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn",
            "ecs-container-instance-id", "ecs-container-id", "ecs-second-container-id", "ecs-service-name",
            "ecs-task-definition-arn", "ecs-task-arn", "ecs-task-id", "reject-reason", "resource-id",
            "encryption-status");

    public static final VpcFlowFormat DEFAULT_V2 = of(
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status");

    public VpcFlowFormat {
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("a VPC flow log format needs at least one field");
        }
        for (String f : fields) {
            if (!KNOWN_FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown VPC flow log field '" + f + "'");
            }
        }
        fields = List.copyOf(fields);
    }

    /** From the format string as the console or API shows it, with or without {@code ${…}}. */
    public static VpcFlowFormat of(String format) {
        List<String> out = new ArrayList<>();
        for (String token : format.trim().split("\\s+")) {
            String t = token.startsWith("${") && token.endsWith("}") ? token.substring(2, token.length() - 1) : token;
            if (!t.isEmpty()) {
                out.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return new VpcFlowFormat(out);
    }

    int size() {
        return fields.size();
    }

    int indexOf(String field) {
        return fields.indexOf(field);
    }
}
