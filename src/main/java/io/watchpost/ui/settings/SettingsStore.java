package io.watchpost.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes {@link AppSettings} as JSON in one file (settings.json in the user's data directory). Blocking
 * file I/O: call it from a background thread, never the FX thread.
 *
 * <p>The file is private to its owner (rw-------) where the file system has POSIX permissions: it names the
 * account, region and log groups being watched, which is nobody else's business on a shared machine. Writes go
 * to a temporary file that is moved into place, so a crash mid-write never leaves half a file.
 */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    // Unknown properties are skipped: settings written by a newer version still load in an older one.
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or empty on a first run. An unreadable file is set aside and treated as a first run. */
    public Optional<AppSettings> load() {
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file), AppSettings.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            LOG.warn("settings {} unreadable ({}); moved to {} and starting afresh", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move {} aside: {}", file, moveFailed.getMessage());
            }
            return Optional.empty();
        }
    }

    public void save(AppSettings settings) {
        try {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, posix() ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
                        : new FileAttribute<?>[0]);
            }
            // Created owner-only from the start: no moment in which another user could open it.
            Path tmp = posix()
                    ? Files.createTempFile(dir, "settings", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, "settings", ".tmp");
            try {
                Files.write(tmp, json.writeValueAsBytes(settings));
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (posix()) {
                Files.setPosixFilePermissions(file, OWNER_ONLY); // also tightens a file an older version wrote
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save settings to " + file, e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
