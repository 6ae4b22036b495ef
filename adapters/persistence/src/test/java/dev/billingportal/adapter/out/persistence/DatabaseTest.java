package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.domain.account.AccountId;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void anEmbeddedH2GetsNoJdbcBatches() {
        assertEquals("None", Database.batchWriting("jdbc:h2:file:/var/lib/portal/db/portal;WRITE_DELAY=0"));
        assertEquals("None", Database.batchWriting("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"));
    }

    @Test
    void aDatabaseServerGetsThem() {
        assertEquals("JDBC", Database.batchWriting("jdbc:postgresql://db.internal:5432/portal"));
        assertEquals("JDBC", Database.batchWriting("jdbc:h2:tcp://localhost:9092/portal"));
        assertEquals("JDBC", Database.batchWriting("jdbc:h2:ssl://localhost:9092/portal"));
    }

    @Test
    void thePlainReadsTakeAQuarterOfThePoolSizeAndTheUnitsOfWorkTheRest() {
        int[][] expected = {{20, 5, 15}, {16, 4, 12}, {8, 2, 6}, {4, 1, 3}, {3, 0, 3}, {1, 0, 1}};
        for (int[] sizes : expected) {
            DatabaseSettings settings = new DatabaseSettings("jdbc:h2:mem:x", "sa", "", sizes[0]);
            assertEquals(sizes[1], settings.readPoolSize(), "reads of " + sizes[0]);
            assertEquals(sizes[2], settings.unitOfWorkPoolSize(), "units of work of " + sizes[0]);
        }
    }

    @Test
    void theReadsAreInAutoCommitOnTheirOwnPoolAndTheUnitsOfWorkAreNot(@TempDir Path folder) throws Exception {
        try (Database database = Database.open(new DatabaseSettings(
                "jdbc:h2:file:" + folder.resolve("portal").toAbsolutePath(), "sa", "", 8))) {
            try (Connection read = database.reads().getConnection();
                 Connection unitOfWork = database.dataSource().getConnection()) {
                assertTrue(read.getAutoCommit(), "a plain read is one statement, no COMMIT after it");
                assertFalse(unitOfWork.getAutoCommit(), "the ORM's connections are as it expects them");
            }
            assertEquals(2, ((HikariDataSource) database.reads()).getMaximumPoolSize());
            assertEquals(6, ((HikariDataSource) database.dataSource()).getMaximumPoolSize());
        }
    }

    @Test
    void aUnitOfWorkRunsEveryQueryOnTheOneConnectionItHolds(@TempDir Path folder) throws Exception {
        // Two connections for the units of work, one held here: a query of the unit that borrowed a second one waited
        // for it (30 s) while the unit held the first, then failed.
        try (Database database = Database.open(new DatabaseSettings(
                "jdbc:h2:file:" + folder.resolve("portal").toAbsolutePath(), "sa", "", 2));
             Connection elsewhere = database.dataSource().getConnection()) {
            JpaUnitOfWork unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
            JpaTransactions transactions = new JpaTransactions(unitOfWork);
            AccountId account = new AccountId(UUID.randomUUID());
            List<Object> found = unitOfWork.inTransaction(() -> List.of(
                    // A query that is not read-only: the unit's transaction begins on its connection.
                    unitOfWork.entityManager().createNativeQuery("SELECT COUNT(*) FROM account").getSingleResult(),
                    transactions.newestFirst(account, Transactions.Criteria.all(), OptionalLong.empty(), 1),
                    transactions.findByIdempotencyKey(account, "k-1"), // read-only: no copy kept
                    transactions.fingerprintsByKey(account, List.of("k-1", "k-2"))));
            assertEquals(List.of(0L, List.of(), Optional.empty(), Map.of()), found);
            assertFalse(elsewhere.isClosed());
        }
    }
}
