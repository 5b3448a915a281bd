package io.watchpost.ui.sync;

import io.watchpost.sync.PgTarget;
import io.watchpost.sync.SyncSettings;
import io.watchpost.ui.common.BackgroundExecutors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Feeds {@link SyncSettingsForm}: the team database's URL, user, sslmode and password, "Test connection" and "Save"
 * (which restarts the background sync). Reading, testing and saving run on one background thread.
 * <p>
 * The password goes one way: typed into the form, kept in {@link #passwordProperty()} until saved, then cleared. A
 * saved password is never read back into the form; the form only says that one is saved, or which other source
 * (PGPASSWORD, the password file) a connection uses. Messages come from the sync's error texts, which name no password.
 */
public final class SyncSettingsModel {

    /** PgJDBC's sslmode values, weakest first; "" leaves it to the URL or PgJDBC's default (prefer). */
    public static final List<String> SSL_MODES = List.of("", "disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");

    private final TeamSync sync;
    private final ExecutorService background = BackgroundExecutors.singleThread("watchpost-sync-settings");

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty sslMode = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper passwordNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** The saved settings as last read, password included; only read on the background thread. */
    private volatile Optional<SyncSettings> saved = Optional.empty();

    public SyncSettingsModel(TeamSync sync) {
        this.sync = Objects.requireNonNull(sync, "sync");
    }

    /** Reads the saved settings into the form (without the password). */
    public void load() {
        run(() -> {
            saved = sync.saved();
            SyncSettings s = saved.orElse(null);
            String shownUrl = s == null || s.url() == null ? "" : withoutCredentials(s.url());
            String note = note(s);
            Platform.runLater(() -> {
                url.set(shownUrl);
                user.set(s == null || s.user() == null ? "" : s.user());
                sslMode.set(s == null || s.sslMode() == null ? "" : s.sslMode());
                passwordNote.set(note);
            });
        });
    }

    /** Logs in with what the form holds and shows the server's version, or exactly why not. */
    public void testConnection() {
        SyncSettings form = formSettings();
        busy.set(true);
        show("testing …", false);
        run(() -> {
            String version = sync.testConnection(complete(form));
            Platform.runLater(() -> show("connected: " + version, false));
        });
    }

    /** Saves what the form holds (owner-only file) and restarts the sync with it. */
    public void save() {
        SyncSettings form = formSettings();
        busy.set(true);
        show("saving …", false);
        run(() -> {
            SyncSettings settings = complete(form);
            sync.apply(settings);
            saved = Optional.of(settings);
            String note = note(settings);
            Platform.runLater(() -> {
                password.set("");
                url.set(withoutCredentials(settings.url()));
                passwordNote.set(note);
                show("saved; team sync restarted with these settings", false);
            });
        });
    }

    /** On the FX thread: the form as typed (password as typed, possibly empty). */
    private SyncSettings formSettings() {
        return new SyncSettings(url.get() == null ? "" : url.get().strip(), blankToNull(user.get()),
                password.get() == null || password.get().isEmpty() ? null : password.get(), blankToNull(sslMode.get()));
    }

    /**
     * The settings to use: a password typed in the URL moves out of it; an empty password field keeps the saved
     * password. Throws IllegalArgumentException (naming no password) when the URL is not a PostgreSQL JDBC URL.
     */
    private SyncSettings complete(SyncSettings form) {
        SyncSettings split = SyncSettings.fromUrl(form.url(), form.sslMode());
        String chosenUser = form.user() != null ? form.user() : split.user();
        String chosenPassword = form.password() != null ? form.password()
                : split.password() != null ? split.password()
                : saved.map(SyncSettingsModel::savedPassword).orElse(null);
        return new SyncSettings(split.url(), chosenUser, chosenPassword, form.sslMode());
    }

    private static String savedPassword(SyncSettings s) {
        if (s.password() != null && !s.password().isEmpty()) {
            return s.password();
        }
        return s.url() == null || s.url().isBlank() ? null : SyncSettings.fromUrl(s.url(), null).password();
    }

    private static String note(SyncSettings s) {
        if (s == null) {
            return "No settings saved yet. A password typed here is saved in your sync-settings.json, readable by you only; "
                    + "or leave it empty to use PGPASSWORD or ~/.pgpass.";
        }
        SyncSettings.PasswordSource source = s.passwordSource();
        return switch (source) {
            case URL -> "The saved URL holds a password; saving again moves it to the saved password.";
            case PGPASSWORD -> "PGPASSWORD is set in the environment: it is used"
                    + (s.password() != null ? ", not the saved password." : ".");
            case SAVED -> "A password is saved (readable by you only). Leave the field empty to keep it.";
            case PGPASS_FILE -> "No password saved: the password file (PGPASSFILE or ~/.pgpass) is used.";
            case NONE -> "No password saved, no PGPASSWORD, no ~/.pgpass: the server must not ask for one.";
        };
    }

    private static String withoutCredentials(String url) {
        try {
            return PgTarget.parse(url).jdbcUrl();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void run(Runnable work) {
        background.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Platform.runLater(() -> show(message, true));
            } finally {
                Platform.runLater(() -> busy.set(false));
            }
        });
    }

    private void show(String message, boolean isError) {
        failed.set(isError);
        result.set(message);
    }

    public void shutdown() {
        background.shutdownNow();
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty sslModeProperty() {
        return sslMode;
    }

    /** Write-only for the view: bind the password field to it; it is never filled from saved settings. */
    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty passwordNoteProperty() {
        return passwordNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
