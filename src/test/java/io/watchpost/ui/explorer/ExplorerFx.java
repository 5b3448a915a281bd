package io.watchpost.ui.explorer;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helpers (as io.watchpost.ui.Fx and PngSnapshots, which are package-private there). */
final class ExplorerFx {

    private ExplorerFx() {
    }

    static <T> T call(Callable<T> onFxThread) {
        try {
            return WaitForAsyncUtils.asyncFx(onFxThread).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    static void run(Runnable onFxThread) {
        call(() -> {
            onFxThread.run();
            return null;
        });
    }

    static void waitUntil(String what, int seconds, BooleanSupplier onFxThread) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> call(onFxThread::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what, e);
        }
    }

    static void writePng(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }

    /** The build directory's screenshots folder, as the other window tests use it. */
    static Path screenshots() {
        String jar = System.getProperty("watchpost.jar");
        Path build = jar == null ? Path.of("target") : Path.of(jar).toAbsolutePath().getParent();
        return build.resolve("screenshots");
    }
}
