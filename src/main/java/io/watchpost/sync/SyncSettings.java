package io.watchpost.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user's saved connection to the team database ({@link SyncSettingsFile}).
 * <p>
 * Where the password comes from, first found wins: the URL, env {@code PGPASSWORD}, this record's password, and
 * otherwise none is sent, so PgJDBC looks in {@code ~/.pgpass} (or {@code PGPASSFILE}) itself.
 * {@link #toString()} masks the password, so logging or showing the settings cannot leak it.
 *
 * @param url      JDBC URL, e.g. {@code jdbc:postgresql://db:5432/watchpost}
 * @param user     login role, or null to take it from the URL / PGUSER
 * @param password saved password, or null
 * @param sslMode  {@code disable … verify-full}, passed through to PgJDBC; null keeps the URL's or PgJDBC's default
 */
public record SyncSettings(String url, String user, String password, String sslMode) {

    static final String MASK = "********";

    /** Splits a URL as a user typed it: address and options, user, and the password if it held one. */
    public static SyncSettings fromUrl(String url, String sslMode) {
        PgTarget t = PgTarget.parse(url, Map.of());
        return new SyncSettings(t.jdbcUrl(), t.user(), t.password(), sslMode);
    }

    /** The target these settings describe, reading PGPASSWORD / PGUSER from the environment. */
    public PgTarget target() {
        return target(System.getenv());
    }

    PgTarget target(Map<String, String> env) {
        PgTarget parsed = PgTarget.parse(url, env);
        String chosenUser = user != null && !user.isBlank() ? user : parsed.user();
        String chosenPassword = parsed.password() != null ? parsed.password()
                : password != null && !password.isEmpty() ? password : null;
        Map<String, String> props = new LinkedHashMap<>(parsed.properties());
        if (sslMode != null && !sslMode.isBlank()) {
            props.put("sslmode", sslMode);
        }
        return new PgTarget(parsed.hosts(), parsed.database(), chosenUser, chosenPassword, props);
    }

    /** Where the password a connection sends comes from, in the order {@link #target()} picks it. */
    public enum PasswordSource {
        URL("the URL"), PGPASSWORD("the PGPASSWORD environment variable"), SAVED("the saved password"),
        PGPASS_FILE("the password file (PGPASSFILE or ~/.pgpass)"), NONE("none");

        private final String label;

        PasswordSource(String label) {
            this.label = label;
        }

        /** For people: "the PGPASSWORD environment variable". */
        public String label() {
            return label;
        }
    }

    /** Which password these settings send, with this process's environment and home directory. */
    public PasswordSource passwordSource() {
        return passwordSource(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    PasswordSource passwordSource(Map<String, String> env, Path home) {
        if (url != null && url.startsWith("jdbc:postgresql:") && PgTarget.parse(url, Map.of()).password() != null) {
            return PasswordSource.URL;
        }
        if (env.get("PGPASSWORD") != null && !env.get("PGPASSWORD").isEmpty()) {
            return PasswordSource.PGPASSWORD;
        }
        if (password != null && !password.isEmpty()) {
            return PasswordSource.SAVED;
        }
        String pgpass = env.get("PGPASSFILE");
        return Files.isRegularFile(pgpass != null && !pgpass.isEmpty() ? Path.of(pgpass) : home.resolve(".pgpass"))
                ? PasswordSource.PGPASS_FILE : PasswordSource.NONE;
    }

    /** For a settings view: the password as a fixed mask (not even its length shows), or empty when none is saved. */
    public String maskedPassword() {
        return password == null || password.isEmpty() ? "" : MASK;
    }

    /** The same settings with the password shown as a mask: what a view may display. */
    public SyncSettings masked() {
        return new SyncSettings(url == null ? null : PgTarget.parse(url, Map.of()).redacted(), user,
                maskedPassword().isEmpty() ? null : MASK, sslMode);
    }

    @Override
    public String toString() {
        SyncSettings shown = masked();
        return "SyncSettings[url=" + shown.url + ", user=" + user + ", password=" + maskedPassword() + ", sslMode=" + sslMode + "]";
    }
}
