package io.watchpost.ui.welcome;

import io.watchpost.ui.settings.AwsSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what the user typed into the "Connect to AWS" form before anything touches the network: a region that
 * looks like one, and log group names CloudWatch would accept. Catching "eu-west" or a pasted ARN here gives a
 * message beside the field instead of an SDK exception a minute later.
 */
public final class AwsSourceInput {

    /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5, il-central-1 … */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");
    /** CloudWatch's own rule for log group names: 1 to 512 of these characters. */
    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");

    private AwsSourceInput() {
    }

    /** Either the source, or the messages saying what to fix (one per problem, naming the field). */
    public record Result(Optional<AwsSource> source, List<String> errors) {
        public boolean valid() {
            return source.isPresent();
        }
    }

    /** @param logGroups names separated by commas, spaces or new lines; duplicates are dropped */
    public static Result validate(String profile, String region, String logGroups) {
        List<String> errors = new ArrayList<>();
        String r = region == null ? "" : region.strip();
        if (r.isEmpty()) {
            errors.add("Region: choose a region, e.g. us-east-1.");
        } else if (!REGION.matcher(r).matches()) {
            errors.add("Region: '" + r + "' is not an AWS region name (like us-east-1 or eu-west-2).");
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String name : (logGroups == null ? "" : logGroups).split("[,\\s]+")) {
            if (name.isEmpty()) {
                continue;
            }
            if (LOG_GROUP.matcher(name).matches()) {
                groups.add(name);
            } else {
                errors.add("Log groups: '" + name + "' is not a log group name (letters, digits and . - _ / # only).");
            }
        }
        if (groups.isEmpty() && errors.stream().noneMatch(e -> e.startsWith("Log groups"))) {
            errors.add("Log groups: name at least one log group, e.g. /aws/cloudtrail/management.");
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), List.copyOf(errors));
        }
        return new Result(Optional.of(new AwsSource(profile, r, List.copyOf(groups))), List.of());
    }
}
