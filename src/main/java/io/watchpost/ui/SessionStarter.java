package io.watchpost.ui;

import io.watchpost.ui.settings.AppSettings;

import java.util.List;

/**
 * What the window asks the wiring code for: start the session the settings name (the demo or an AWS account), and
 * list the AWS profiles for the welcome screen. Both run on background threads and may be slow.
 */
public interface SessionStarter {

    /** Starts ingestion for {@code settings.source()} and returns the window's services; throws when it cannot. */
    UiServices start(AppSettings settings);

    /** Profile names from ~/.aws/config and ~/.aws/credentials; empty when there are none. */
    default List<String> awsProfiles() {
        return List.of();
    }
}
