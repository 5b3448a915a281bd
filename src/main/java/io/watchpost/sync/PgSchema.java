package io.watchpost.sync;

import org.flywaydb.core.Flyway;

/** The shared database's schema, owned by Flyway ({@code db/pg} migrations). */
final class PgSchema {

    private PgSchema() {
    }

    /** Creates or upgrades the schema; safe to call from many workstations at once (Flyway locks its history). */
    static void migrate(PgTarget target) {
        try {
            // The URL carries no credentials, so Flyway's own log lines and errors cannot show the password.
            // A shared database may already hold other tables; baselining at version 0 still applies our V1 on it.
            Flyway.configure()
                    .dataSource(target.jdbcUrl(), target.user(), target.password())
                    .locations("classpath:db/pg")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw SyncFailures.of(target, "creating the schema", e);
        }
    }
}
