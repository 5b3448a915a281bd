package io.watchpost.ui.settings;

import java.util.List;
import java.util.Objects;

/**
 * The AWS account to watch: a named profile from ~/.aws/config or ~/.aws/credentials (null: the SDK's default
 * credential chain), a region, and the log groups to follow. Names only; credentials stay in the AWS files.
 */
public record AwsSource(String profile, String region, List<String> logGroups) {

    public AwsSource {
        profile = profile == null || profile.isBlank() ? null : profile.strip();
        Objects.requireNonNull(region, "region");
        logGroups = List.copyOf(logGroups);
    }

    /** "profile prod, eu-west-1, 3 log groups": for titles and messages. */
    public String describe() {
        return "AWS " + (profile == null ? "default credentials" : "profile " + profile) + ", " + region + ", "
                + (logGroups.size() == 1 ? logGroups.get(0) : logGroups.size() + " log groups");
    }
}
