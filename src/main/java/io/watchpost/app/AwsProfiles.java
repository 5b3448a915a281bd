package io.watchpost.app;

import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The profile names in the user's AWS configuration, for the welcome screen's profile list. */
final class AwsProfiles {

    private AwsProfiles() {
    }

    /**
     * Profiles from ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE),
     * sorted; empty when there are none or the files cannot be read. Reads files: not on the FX thread.
     */
    static List<String> names() {
        try {
            return names(ProfileFile.defaultProfileFile());
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(AwsProfiles.class).warn("could not read the AWS profiles: {}", e.getMessage());
            return List.of();
        }
    }

    /** Profiles from a given config and credentials file, either of which may be missing. */
    static List<String> names(Path config, Path credentials) {
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        if (Files.isRegularFile(config)) {
            all.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isRegularFile(credentials)) {
            all.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return names(all.build());
    }

    private static List<String> names(ProfileFile file) {
        return file.profiles().keySet().stream().sorted().toList();
    }
}
