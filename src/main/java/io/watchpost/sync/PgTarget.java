package io.watchpost.sync;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A PostgreSQL database to sync into, parsed from a JDBC URL such as
 * {@code jdbc:postgresql://host:5432/db?user=u&password=p&sslmode=require}.
 * <p>
 * Credentials are kept apart from the address: {@link #jdbcUrl()} and {@link #key()} never contain them, and
 * {@link #toString()} is {@link #redacted()}, so logging a target or putting it in an exception cannot leak a password.
 *
 * @param hosts      {@code host:port}, or several separated by commas (PgJDBC's fail-over list), as written
 * @param database   the database name
 * @param user       the login role
 * @param password   the password, or null when there is none (trust, peer, .pgpass …)
 * @param properties every other URL parameter (sslmode, ApplicationName …), in URL order
 */
public record PgTarget(String hosts, String database, String user, String password, Map<String, String> properties) {

    private static final String PREFIX = "jdbc:postgresql:";
    private static final String MASK = "***";

    public PgTarget {
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Parses {@code url}; a password not in the URL comes from env PGPASSWORD, a missing user from PGUSER. */
    public static PgTarget parse(String url) {
        return parse(url, System.getenv());
    }

    static PgTarget parse(String url, Map<String, String> env) {
        if (url == null || !url.startsWith(PREFIX)) {
            // Do not echo the URL: it may hold a password.
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database)");
        }
        String rest = url.substring(PREFIX.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = null;
        String password = null;
        String hosts;
        String database;
        if (rest.startsWith("//")) {
            String authorityAndPath = rest.substring(2);
            int slash = authorityAndPath.indexOf('/');
            String authority = slash >= 0 ? authorityAndPath.substring(0, slash) : authorityAndPath;
            database = slash >= 0 ? authorityAndPath.substring(slash + 1) : "";
            // PgJDBC does not read user:password@host, but people write it; take it apart rather than leak it.
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                authority = authority.substring(at + 1);
                int colon = userInfo.indexOf(':');
                user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
                password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
            }
            hosts = authority.isEmpty() ? "localhost:5432" : withDefaultPorts(authority);
        } else {
            hosts = "localhost:5432"; // jdbc:postgresql:database
            database = rest;
        }
        database = decode(database);
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> properties.put(name, value);
            }
        }
        if (password == null || password.isEmpty()) {
            String fromEnv = env.get("PGPASSWORD");
            password = fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
        }
        if (user == null || user.isEmpty()) {
            String fromEnv = env.get("PGUSER");
            user = fromEnv != null && !fromEnv.isEmpty() ? fromEnv : System.getProperty("user.name", "postgres");
        }
        if (database.isEmpty()) {
            database = user; // PostgreSQL's own default
        }
        return new PgTarget(hosts, database, user, password, properties);
    }

    private static String withDefaultPorts(String authority) {
        StringBuilder out = new StringBuilder();
        for (String host : authority.split(",")) {
            if (out.length() > 0) {
                out.append(',');
            }
            boolean bracketedV6 = host.startsWith("[");
            boolean hasPort = bracketedV6 ? host.contains("]:") : host.contains(":");
            out.append(host).append(hasPort ? "" : ":5432");
        }
        return out.toString();
    }

    /** Identifies server and database for the cache's sync state: stable across credentials and URL options. */
    public String key() {
        return "postgresql://" + hosts + "/" + database;
    }

    /** The JDBC URL without user and password; pass those through {@link #connectionProperties()}. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hosts).append('/').append(encode(database));
        appendQuery(url, properties);
        return url.toString();
    }

    /** User and password for {@link DriverManager}. */
    public Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** The URL with the password, if any, shown as {@code ***}: safe for logs, dialogs and error messages. */
    public String redacted() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("user", user);
        if (password != null) {
            shown.put("password", MASK);
        }
        shown.putAll(properties);
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hosts).append('/').append(encode(database));
        appendQuery(url, shown);
        return url.toString();
    }

    /** The same server and credentials, another database: for maintenance work such as creating test databases. */
    public PgTarget withDatabase(String otherDatabase) {
        return new PgTarget(hosts, otherDatabase, user, password, properties);
    }

    /** Opens a connection; the caller turns SQLExceptions into messages without the password (see SyncFailures). */
    public Connection connect() throws SQLException {
        Properties props = connectionProperties();
        // A default only (a value in the URL wins): fail fast on an unreachable host instead of hanging a sync thread.
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** Replaces every occurrence of the password in {@code text}: a last guard for messages we did not write. */
    public String scrub(String text) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK).replace(encode(password), MASK);
    }

    @Override
    public String toString() {
        return "PgTarget[" + redacted() + "]";
    }

    private static void appendQuery(StringBuilder url, Map<String, String> params) {
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            url.append(sep).append(encode(e.getKey())).append('=');
            // The mask stays readable instead of becoming %2A%2A%2A.
            url.append(MASK.equals(e.getValue()) && e.getKey().equals("password") ? MASK : encode(e.getValue()));
            sep = '&';
        }
    }

    // Same decoding as PgJDBC's own URL parser (URLDecoder), so a parsed password is the one PgJDBC would send.
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // URLDecoder's message quotes the bad escape, which may be part of a password.
            throw new IllegalArgumentException("malformed %-escape in the PostgreSQL JDBC URL");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
