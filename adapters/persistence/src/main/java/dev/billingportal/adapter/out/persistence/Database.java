package dev.billingportal.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database behind the portal: a connection pool, the schema migrated by Flyway, and a
 * RESOURCE_LOCAL {@link EntityManagerFactory} over it (no JTA here: the unit of work owns transactions).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final HikariDataSource reads;
    private final EntityManagerFactory entityManagerFactory;

    private Database(HikariDataSource dataSource, HikariDataSource reads, EntityManagerFactory entityManagerFactory) {
        this.dataSource = dataSource;
        this.reads = reads;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Connects, migrates the schema to the latest version, and opens the persistence unit. */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = pool("portal-db", settings, settings.unitOfWorkPoolSize());
        config.setAutoCommit(false);
        HikariDataSource dataSource = new HikariDataSource(config);
        HikariDataSource reads = null;
        try {
            if (settings.readPoolSize() > 0) {
                HikariConfig readConfig = pool("portal-db-reads", settings, settings.readPoolSize());
                readConfig.setAutoCommit(true);
                readConfig.setMinimumIdle(1);
                reads = new HikariDataSource(readConfig);
            }
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            Map<String, Object> properties = new HashMap<>();
            properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
            properties.put("eclipselink.jdbc.batch-writing", batchWriting(settings.url()));
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("portal", properties);
            factory.createEntityManager().close(); // connect now, not on the first request
            return new Database(dataSource, reads, factory);
        } catch (RuntimeException failure) {
            if (reads != null) {
                reads.close();
            }
            dataSource.close();
            throw failure;
        }
    }

    private static HikariConfig pool(String name, DatabaseSettings settings, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // EclipseLink 4.0 knows no JDBC type for UUID, so it binds a NULL UUID (an operator's audit event has no
            // actor user) as VARCHAR, which PostgreSQL refuses for a uuid column. Sent untyped, string parameters
            // take the column's type. A stringtype in the URL itself still wins.
            config.addDataSourceProperty("stringtype", "unspecified");
        }
        return config;
    }

    /**
     * JDBC batches save a database server a round trip per statement. An embedded H2 has no round trips to save,
     * and its driver builds an exception object for every batch (to chain failures to), whose stack trace cost
     * more than the batch saved (JFR, docs/performance.md).
     */
    static String batchWriting(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                ? "None" : "JDBC";
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The pool of the plain reads that are one statement each (a session, a history page — {@link JdbcSessionReads},
     * {@link JdbcTransactionHistory}): in auto-commit, so a read is one round trip, without the COMMIT
     * that would follow it in {@link #dataSource()}'s mode. A pool of its own: switching a shared connection's mode
     * for one read and back cost PostgreSQL's readers more than the COMMIT did (docs/performance.md), and the ORM's
     * connections stay in the mode it expects. Its size: {@link DatabaseSettings#readPoolSize()}; with none, the reads
     * share {@link #dataSource()}, where closing a connection the read left in its transaction ends it.
     */
    public DataSource reads() {
        return reads != null ? reads : dataSource;
    }

    /** Whether the database answers a trivial query now; for the readiness check. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("SELECT 1");
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            entityManagerFactory.close();
        } finally {
            try {
                if (reads != null) {
                    reads.close();
                }
            } finally {
                dataSource.close();
            }
        }
    }
}
