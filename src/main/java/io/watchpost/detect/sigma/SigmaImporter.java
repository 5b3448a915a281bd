package io.watchpost.detect.sigma;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.watchpost.detect.Rule;
import io.watchpost.detect.RuleFormatException;
import io.watchpost.detect.RuleSeverity;
import io.watchpost.detect.RuleYaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Imports Sigma rules as our {@code match} rules. Supported log sources: {@code product: aws, service: cloudtrail}
 * (Sigma's field names are CloudTrail's own keys, which our events keep flattened) and Linux text logs
 * ({@code product: linux}, service sshd/auth/syslog or none) as keyword searches over the line. The rule's
 * {@code author} is kept: the Detection Rule License 1.1 requires alerts from it to show the author.
 */
public final class SigmaImporter {

    private static final ObjectMapper READ = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper WRITE = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));
    private static final String LICENCE = "Detection Rule License (DRL) 1.1, "
            + "https://github.com/SigmaHQ/Detection-Rule-License";

    private SigmaImporter() {
    }

    /** What became of one Sigma file. */
    public sealed interface Outcome {
        String source();
    }

    /** @param yaml our rule file's text, ready to write */
    public record Imported(String source, Rule rule, String yaml) implements Outcome {
    }

    public record Refused(String source, String title, String reason) implements Outcome {
    }

    /** Every *.yml / *.yaml under a directory (or the one file), in path order. */
    public static List<Outcome> importPath(Path path) {
        List<Outcome> out = new ArrayList<>();
        try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                out.add(convert(Files.readString(p), p.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** @param source the file it came from (its name becomes the rule id: {@code sigma.<file stem>}) */
    public static Outcome convert(String sigmaYaml, String source) {
        String title = null;
        try {
            if (sigmaYaml.lines().anyMatch(l -> l.startsWith("---"))) {
                throw new SigmaRefusal("multi-document rule collections are not supported");
            }
            JsonNode root;
            try {
                root = READ.readTree(sigmaYaml);
            } catch (JsonProcessingException e) {
                throw new SigmaRefusal("not valid YAML: " + e.getOriginalMessage());
            }
            if (root == null || !root.isObject()) {
                throw new SigmaRefusal("not a Sigma rule (a YAML mapping)");
            }
            title = text(root, "title");
            if (title == null) {
                throw new SigmaRefusal("no title:");
            }
            if (root.has("correlation")) {
                throw new SigmaRefusal("correlation rules are not supported");
            }
            JsonNode ls = root.path("logsource");
            String product = lower(ls, "product");
            String service = lower(ls, "service");
            String category = lower(ls, "category");
            boolean cloudTrail = "aws".equals(product) && "cloudtrail".equals(service) && category == null;
            boolean linux = "linux".equals(product) && category == null
                    && (service == null || List.of("sshd", "auth", "syslog").contains(service));
            if (!cloudTrail && !linux) {
                throw new SigmaRefusal("logsource product=" + product + " service=" + service + " category=" + category
                        + " is not supported (aws/cloudtrail, or linux sshd/auth/syslog keyword rules)");
            }
            String detection = new SigmaDetection(root.get("detection"), linux, cloudTrail)
                    .filterText(root.path("detection").get("condition"));
            // restrict to the source's own events: the record keys alone could appear in other JSON logs
            String scope = cloudTrail ? "sourceType = cloudtrail" : "sourceType in [auth, syslog, text]";
            String filter = scope + " and " + (detection.startsWith("(") ? detection : "(" + detection + ")");
            String level = text(root, "level");
            RuleSeverity severity = RuleSeverity.named(level == null ? "medium" : level)
                    .orElseThrow(() -> new SigmaRefusal("level '" + level + "' is not a Sigma level"));
            String yaml = ourYaml(root, source, title, severity, filter);
            Rule rule;
            try {
                rule = RuleYaml.parse(yaml);
            } catch (RuleFormatException e) {
                // our translation produced something our own reader refuses: a bug here, reported as a refusal
                throw new SigmaRefusal("translation not accepted by the rule reader: " + e.getMessage());
            }
            return new Imported(source, rule, yaml);
        } catch (SigmaRefusal r) {
            return new Refused(source, title, r.reason());
        }
    }

    private static String ourYaml(JsonNode root, String source, String title, RuleSeverity severity, String filter) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", ruleId(root, source));
        out.put("title", title);
        String desc = text(root, "description");
        out.put("description", (desc == null ? "" : desc.trim() + "\n\n") + "Imported from Sigma rule "
                + text(root, "id") + (source == null ? "" : " (" + Path.of(source).getFileName() + ")")
                + ", status " + text(root, "status") + ". " + LICENCE + ".");
        out.put("author", text(root, "author") == null ? "unknown (Sigma rule without author)" : text(root, "author"));
        out.put("severity", severity.lower());
        out.put("tags", strings(root.get("tags")));
        if (root.has("references")) {
            out.put("references", strings(root.get("references")));
        }
        if (root.has("falsepositives")) {
            out.put("falsepositives", strings(root.get("falsepositives")));
        }
        out.put("enabled", true);
        out.put("kind", "match");
        out.put("filter", filter);
        try {
            return WRITE.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ruleId(JsonNode root, String source) {
        if (source != null) {
            String stem = Path.of(source).getFileName().toString().replaceFirst("\\.ya?ml$", "");
            String id = "sigma." + stem.replaceAll("[^A-Za-z0-9._:-]", "_");
            if (id.matches("[A-Za-z0-9][A-Za-z0-9._:-]*")) {
                return id;
            }
        }
        String sid = text(root, "id");
        if (sid == null) {
            throw new SigmaRefusal("no id: and no file name to name the rule by");
        }
        return "sigma." + sid.replaceAll("[^A-Za-z0-9._:-]", "_");
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n != null && !n.isNull()) {
            out.add(n.asText());
        }
        return out;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String lower(JsonNode n, String key) {
        String v = text(n, key);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }
}
