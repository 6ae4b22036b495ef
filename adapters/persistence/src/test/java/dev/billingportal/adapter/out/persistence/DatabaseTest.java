package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
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
        int[][] expected = {{20, 5, 15}, {16, 4, 12}, {8, 2, 6}, {3, 1, 2}, {2, 1, 1}, {1, 1, 1}};
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
}
