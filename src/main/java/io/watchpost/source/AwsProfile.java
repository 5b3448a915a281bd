package io.watchpost.source;

/**
 * A named profile as a Sources view lists it; never its secrets.
 *
 * @param region the profile's region setting, or null
 * @param kind   how it authenticates: "sso", "assume-role", "static keys", "process", "web identity" or "other"
 */
public record AwsProfile(String name, String region, String kind) {
}
