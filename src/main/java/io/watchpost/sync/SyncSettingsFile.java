package io.watchpost.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchpost.store.DataDirectories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes {@link SyncSettings} as JSON, owner-only (POSIX 600) because it may hold a password. The file is
 * created with those permissions before anything is written to it, then moved into place, so the password is never
 * readable by others, not even for a moment. On filesystems without POSIX permissions (Windows) the user's profile
 * directory is already private.
 */
public final class SyncSettingsFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public SyncSettingsFile(Path file) {
        this.file = file;
    }

    /** {@code sync-settings.json} in the user's data directory. */
    public static SyncSettingsFile inUserDataDir() {
        return new SyncSettingsFile(DataDirectories.userDataDir().resolve("sync-settings.json"));
    }

    public Path path() {
        return file;
    }

    public Optional<SyncSettings> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), SyncSettings.class));
        } catch (IOException e) {
            // Jackson's message may quote the file's content, password included: name the file only.
            throw new UncheckedIOException(new IOException("cannot read the sync settings in " + file));
        }
    }

    public void save(SyncSettings settings) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (posix()) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            JSON.writeValue(temp.toFile(), settings);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (posix()) {
                Files.setPosixFilePermissions(file, OWNER_ONLY); // in case an older file was looser
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("another process is saving the sync settings", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sync settings to " + file, e);
        }
    }

    private boolean posix() {
        return file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
