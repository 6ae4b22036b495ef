package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Spec §10: several processes starting at once on one empty PostgreSQL database all come up, and each migration is
 * applied exactly once (Flyway serialises them with an advisory lock; the history table is created once).
 */
class ConcurrentMigrationTest {
    private static final int PROCESSES = 4;

    @Test
    void portalsStartingAtOnceOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        DatabaseSettings settings = new DatabaseSettings(TestPostgres.newDatabase(), "postgres", "", 3);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService starting = Executors.newFixedThreadPool(PROCESSES);
        List<Future<Database>> opened = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                opened.add(starting.submit(() -> {
                    start.await();
                    return Database.open(settings);
                }));
            }
            start.countDown();
            List<Database> databases = new ArrayList<>();
            for (Future<Database> database : opened) {
                databases.add(database.get(2, TimeUnit.MINUTES)); // any failure to start fails here
            }
            try (Connection connection = databases.get(0).dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet history = statement.executeQuery("SELECT version, COUNT(*), BOOL_AND(success)"
                         + " FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version")) {
                int versions = 0;
                while (history.next()) {
                    versions++;
                    assertEquals(1, history.getInt(2), "migration " + history.getString(1) + " applied once");
                    assertTrue(history.getBoolean(3), "migration " + history.getString(1) + " succeeded");
                }
                assertTrue(versions >= 9, "every migration applied: " + versions);
            }
            databases.forEach(Database::close);
        } finally {
            starting.shutdownNow();
        }
    }
}
