package io.watchpost.testing;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
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

/**
 * The house test helpers for JavaFX: read and change FX state on the FX thread, wait for a condition checked there,
 * and write snapshots as PNG (without javafx-swing: the ARGB pixels go into an AWT image, ImageIO encodes it).
 */
public final class FxThread {

    private FxThread() {
    }

    public static <T> T call(Callable<T> onFxThread) {
        try {
            return WaitForAsyncUtils.asyncFx(onFxThread).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    public static void run(Runnable onFxThread) {
        call(() -> {
            onFxThread.run();
            return null;
        });
    }

    public static void waitUntil(String what, int seconds, BooleanSupplier onFxThread) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> call(onFxThread::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what, e);
        }
    }

    public static void writePng(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** The build directory's screenshots folder (target/screenshots, or under -DbuildDir=…). */
    public static Path screenshots() {
        String jar = System.getProperty("watchpost.jar");
        Path build = jar == null ? Path.of("target") : Path.of(jar).toAbsolutePath().getParent();
        return build.resolve("screenshots");
    }
}
