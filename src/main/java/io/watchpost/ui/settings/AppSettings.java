package io.watchpost.ui.settings;

import io.watchpost.ui.theme.Theme;

/**
 * What Watchpost remembers between runs, persisted as JSON by {@link SettingsStore}. Holds no secrets: the AWS
 * source is a profile name, a region and log group names.
 *
 * @param source where events come from; null until the user chose on the welcome screen
 * @param aws    the AWS account to watch, kept even while the demo runs so the form is pre-filled next time
 * @param theme  light or dark
 * @param window the main window's last geometry, or null to use the default size
 */
public record AppSettings(SourceKind source, AwsSource aws, Theme theme, WindowGeometry window) {

    /** A first run: no source chosen yet, so the welcome screen shows. */
    public static final AppSettings FIRST_RUN = new AppSettings(null, null, Theme.LIGHT, null);

    public AppSettings {
        theme = theme == null ? Theme.LIGHT : theme;
        if (source == SourceKind.AWS && aws == null) {
            source = null; // an AWS source without its account cannot start: ask again
        }
    }

    /** True when the welcome screen must ask where events come from. */
    public boolean needsWelcome() {
        return source == null;
    }

    public AppSettings withDemo() {
        return new AppSettings(SourceKind.DEMO, aws, theme, window);
    }

    public AppSettings withAws(AwsSource account) {
        return new AppSettings(SourceKind.AWS, account, theme, window);
    }

    /** Forgets the choice of source (keeping the AWS form's values), so the welcome screen shows again. */
    public AppSettings withoutSource() {
        return new AppSettings(null, aws, theme, window);
    }

    public AppSettings withTheme(Theme t) {
        return new AppSettings(source, aws, t, window);
    }

    public AppSettings withWindow(WindowGeometry geometry) {
        return new AppSettings(source, aws, theme, geometry);
    }
}
