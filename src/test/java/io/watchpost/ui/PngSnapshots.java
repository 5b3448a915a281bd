package io.watchpost.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes JavaFX snapshots as PNG without javafx-swing: copy the ARGB pixels into an AWT image, let ImageIO encode. */
final class PngSnapshots {

    private PngSnapshots() {
    }

    static void write(WritableImage image, Path file) throws IOException {
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

    /** The build directory's screenshots folder (target-gui/screenshots under -DbuildDir=target-gui). */
    static Path directory() {
        String jar = System.getProperty("watchpost.jar");
        Path build = jar == null ? Path.of("target") : Path.of(jar).toAbsolutePath().getParent();
        return build.resolve("screenshots");
    }
}
