package io.watchpost.normalize;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-log-group normalizer configuration: which parser a group is pinned to, and the field list of a VPC flow log
 * created with a custom format. Groups not named here are auto-detected per event, with the default version-2
 * flow-log format.
 * <p>A rule names its group exactly ({@code name}) or by prefix ({@code prefix}); an exact name wins over any prefix,
 * and a longer prefix over a shorter one. YAML format (see {@code src/test/resources/normalize/normalizer.yaml}):
 * <pre>
 * logGroups:
 *   - name: /aws/vpc/flowlogs-v5          # exact log group name …
 *     parser: vpcflow                     # auto | cloudtrail | vpcflow | syslog | guardduty | securityhub | lambda | json | text
 *     vpcFlowFormat: "${version} ${vpc-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${action} ${log-status}"
 *   - prefix: /aws/lambda/                # … or every group starting with this
 *     parser: lambda
 *   - prefix: /aws/events/security
 *     parser: auto
 * </pre>
 * {@code parser} defaults to auto; {@code vpcFlowFormat} (with or without {@code ${}}) applies to the group's flow
 * records whatever the parser. Unknown keys, parsers and flow-log fields are rejected when the file is loaded, so a
 * typo fails at start-up instead of silently misparsing.
 *
 * @param logGroups the rules, in any order
 */
public record NormalizerSettings(List<LogGroupRule> logGroups) {

    /**
     * @param name          exact log group name, or null
     * @param prefix        log group name prefix, or null (exactly one of name and prefix)
     * @param parser        the parser's name (see {@link ParserChoice}), null for auto
     * @param vpcFlowFormat the flow log's format string, null for the default version-2 format
     */
    public record LogGroupRule(String name, String prefix, String parser, String vpcFlowFormat) {
        public LogGroupRule {
            if ((name == null) == (prefix == null)) {
                throw new IllegalArgumentException("a log group rule needs exactly one of 'name' and 'prefix'");
            }
            ParserChoice.parse(parser); // validates
            if (vpcFlowFormat != null) {
                VpcFlowFormat.of(vpcFlowFormat); // validates
            }
        }

        GroupSettings settings() {
            return vpcFlowFormat == null ? new GroupSettings(ParserChoice.parse(parser), VpcFlowFormat.DEFAULT_V2, false)
                    : new GroupSettings(ParserChoice.parse(parser), VpcFlowFormat.of(vpcFlowFormat), true);
        }
    }

    public NormalizerSettings {
        logGroups = logGroups == null ? List.of() : List.copyOf(logGroups);
    }

    public static NormalizerSettings defaults() {
        return new NormalizerSettings(List.of());
    }

    public static NormalizerSettings load(Path yaml) throws IOException {
        try (InputStream in = Files.newInputStream(yaml)) {
            return load(in);
        }
    }

    public static NormalizerSettings load(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            NormalizerSettings s = mapper.readValue(yaml, NormalizerSettings.class);
            return s == null ? defaults() : s;
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new IOException("invalid normalizer settings: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    /** The settings for one log group: exact name first, then the longest matching prefix, else auto. */
    GroupSettings resolve(String logGroup) {
        if (logGroup == null || logGroups.isEmpty()) {
            return GroupSettings.DEFAULT;
        }
        LogGroupRule best = null;
        for (LogGroupRule r : logGroups) {
            if (logGroup.equals(r.name())) {
                return r.settings();
            }
            if (r.prefix() != null && logGroup.startsWith(r.prefix())
                    && (best == null || r.prefix().length() > best.prefix().length())) {
                best = r;
            }
        }
        return best == null ? GroupSettings.DEFAULT : best.settings();
    }
}
