package io.watchpost.app;

import io.watchpost.source.AwsSettings;
import io.watchpost.store.DataDirectories;
import io.watchpost.ui.SessionStarter;
import io.watchpost.ui.UiServices;
import io.watchpost.ui.settings.AppSettings;
import io.watchpost.ui.settings.AwsSource;

import java.nio.file.Path;
import java.util.List;

/** Starts what the window shows: the demo on its own cache, or an AWS account on the user's cache. */
final class DesktopSessions implements SessionStarter {

    private final Path demoCache;
    private final Path awsCache;

    DesktopSessions(Path demoCache, Path awsCache) {
        this.demoCache = demoCache;
        this.awsCache = awsCache;
    }

    /** The real locations in the user's data directory. */
    static DesktopSessions inUserDataDir() {
        return new DesktopSessions(DataDirectories.userDataDir().resolve("demo-cache"), DataDirectories.defaultCache());
    }

    @Override
    public UiServices start(AppSettings settings) {
        if (settings.source() == null) {
            throw new IllegalStateException("no source chosen");
        }
        return switch (settings.source()) {
            case DEMO -> {
                DemoSession demo = DemoSession.start(demoCache);
                yield new UiServices(demo.cache().events(), demo.metrics(), demo.describe(), demo, demo.workbench());
            }
            case AWS -> {
                AwsSource aws = settings.aws();
                AwsSession session = AwsSession.start(new AwsSettings(null, aws.region(), aws.profile()), aws.logGroups(), awsCache);
                yield new UiServices(session.cache().events(), session.metrics(), session.describe(), session, session.workbench());
            }
        };
    }

    @Override
    public List<String> awsProfiles() {
        return AwsProfiles.names();
    }
}
