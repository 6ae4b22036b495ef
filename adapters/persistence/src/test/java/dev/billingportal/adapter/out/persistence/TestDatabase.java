package dev.billingportal.adapter.out.persistence;

import java.nio.file.Path;

/** A fresh H2 file database in a test's temporary folder, migrated by Flyway. */
final class TestDatabase {
    private TestDatabase() {
    }

    static Database open(Path folder) {
        return Database.open(new DatabaseSettings(
                "jdbc:h2:file:" + folder.resolve("portal").toAbsolutePath() + ";LOCK_TIMEOUT=5000", "sa", "", 10));
    }
}
