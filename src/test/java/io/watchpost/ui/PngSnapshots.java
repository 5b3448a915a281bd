package io.watchpost.ui;

import io.watchpost.testing.FxThread;

/** Snapshots as PNG, through {@link FxThread}. */
final class PngSnapshots {

    private PngSnapshots() {
    }

    static void write(javafx.scene.image.WritableImage image, java.nio.file.Path file) throws java.io.IOException {
        FxThread.writePng(image, file);
    }

    static java.nio.file.Path directory() {
        return FxThread.screenshots();
    }
}
