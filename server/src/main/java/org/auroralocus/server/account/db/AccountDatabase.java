package org.auroralocus.server.account.db;

import java.nio.file.Path;
import org.auroralocus.server.db.Database;
import org.auroralocus.server.db.DatabaseThreads;
import org.auroralocus.server.db.Migrations;

/** Where {@code account.sqlite} lives and which migrations build it. */
public final class AccountDatabase {
    static final Migrations MIGRATIONS = Migrations.of("account", "001-accounts-sessions-app-passwords-invites.sql",
            "002-invites-disabled-takedown-log.sql");

    private AccountDatabase() {}

    /** Opens {@code <dataDirectory>/account.sqlite}, creating it or bringing its schema up to date. */
    public static Database open(Path dataDirectory, DatabaseThreads threads) {
        return Database.open(dataDirectory.resolve("account.sqlite"), MIGRATIONS, threads);
    }
}
