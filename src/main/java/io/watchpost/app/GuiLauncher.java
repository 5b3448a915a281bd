package io.watchpost.app;

import io.watchpost.store.DataDirectories;
import io.watchpost.ui.UiServices;
import io.watchpost.ui.WatchpostApplication;

/** Opens the window. With no AWS source configured yet, the window runs the live demo. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static void launch() {
        WatchpostApplication.launchWith(GuiLauncher::demoServices);
    }

    /** Runs on a background thread (the window shows "Starting…" meanwhile): it starts servers and opens files. */
    static UiServices demoServices() {
        DemoSession demo = DemoSession.start(DataDirectories.userDataDir().resolve("demo-cache"));
        return new UiServices(demo.cache().events(), demo.metrics(), demo.describe(), demo);
    }
}
