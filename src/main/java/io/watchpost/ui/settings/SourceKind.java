package io.watchpost.ui.settings;

/** Where the window's events come from. */
public enum SourceKind {
    /** The bundled sample data, live from the embedded CloudWatch Logs endpoint. */
    DEMO,
    /** A real AWS account: the {@link AwsSource} in the settings. */
    AWS
}
