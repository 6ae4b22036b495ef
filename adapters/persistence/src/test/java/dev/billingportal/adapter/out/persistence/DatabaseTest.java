package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
