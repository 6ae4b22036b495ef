package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaUnitOfWorkTest {
    @TempDir
    Path folder;
    private Database database;
    private JpaUnitOfWork unitOfWork;

    @BeforeEach
    void open() {
        database = TestDatabase.open(folder);
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
    }

    @AfterEach
    void close() {
        database.close();
    }

    /**
     * EclipseLink begins the database transaction at the first write unless told otherwise, and each read before
     * it borrows a pooled connection and gives it back at once (the pool rolls it back; H2 then writes its store).
     * A unit of work must read in its own transaction: it holds its one connection from the first query on.
     */
    @Test
    void readsBeforeTheFirstWriteAreInTheUnitsOwnTransaction() {
        HikariPoolMXBean pool = ((HikariDataSource) database.dataSource()).getHikariPoolMXBean();
        List<Integer> observed = unitOfWork.inTransaction(() -> {
            EntityManager em = unitOfWork.entityManager();
            // An entity read, as repositories do (a native query would begin the transaction anyway).
            em.find(AccountNumberCounterRow.class, 1);
            int connectionsHeldAfterTheRead = pool.getActiveConnections();
            em.find(AccountNumberCounterRow.class, 1, LockModeType.PESSIMISTIC_WRITE).lastValue++;
            em.flush();
            return List.of(connectionsHeldAfterTheRead, pool.getActiveConnections());
        });

        assertEquals(List.of(1, 1), observed, "the unit holds its one connection from its first read on");
        assertEquals(0, pool.getActiveConnections(), "and gives it back when it ends");
    }
}
