package io.watchpost.ui.sources;

import io.watchpost.source.AwsAccess;
import io.watchpost.source.AwsProfile;
import io.watchpost.source.AwsSettings;
import io.watchpost.source.ConnectionTest;

import java.util.List;

/**
 * The account look-ups the Sources view makes before ingesting. {@link AwsAccess} is a static utility; this seam
 * lets the view model take it as a plain constructor argument (and a test wrap it, e.g. to prove it runs off the
 * FX thread). Every call may block on the network.
 */
public interface SourceLookups {

    List<AwsProfile> listProfiles();

    List<String> listLogGroups(AwsSettings settings, String prefix);

    ConnectionTest testConnection(AwsSettings settings);

    /** The real thing: {@link AwsAccess}. */
    static SourceLookups aws() {
        return new SourceLookups() {
            @Override
            public List<AwsProfile> listProfiles() {
                return AwsAccess.listProfiles();
            }

            @Override
            public List<String> listLogGroups(AwsSettings settings, String prefix) {
                return AwsAccess.listLogGroups(settings, prefix);
            }

            @Override
            public ConnectionTest testConnection(AwsSettings settings) {
                return AwsAccess.testConnection(settings);
            }
        };
    }
}
