package dev.billingportal.bench;

import dev.billingportal.adapter.out.persistence.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a bench run measures on ({@code --db h2|postgresql}): the portal's embedded H2 file, or a database on
 * a private PostgreSQL cluster the bench starts itself, durable as a production server is ({@code fsync} and
 * {@code synchronous_commit} on). The portal and the raw JDBC baselines use the same one with the same durability.
 */
abstract sealed class BenchDatabase {
    enum Kind {
        H2, POSTGRESQL
    }

    abstract Kind kind();

    /** What the portal's environment adds to reach it (nothing for its own default H2). */
    abstract Map<String, String> portalEnvironment();

    abstract String jdbcUrl();

    abstract String user();

    /** For the history generator. */
    abstract DataSource dataSource();

    /** How much the database holds on disk. */
    abstract long bytesOnDisk() throws IOException, SQLException;

    abstract String describe();

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), "");
    }

    static BenchDatabase of(Kind kind, Path portalDataDir) {
        return switch (kind) {
            case H2 -> new H2(portalDataDir);
            case POSTGRESQL -> new PostgreSql();
        };
    }

    /** The portal's own file; one process at a time, so raw phases run while the portal is stopped. */
    static final class H2 extends BenchDatabase {
        private final Path dataDir;

        H2(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        Kind kind() {
            return Kind.H2;
        }

        @Override
        Map<String, String> portalEnvironment() {
            return Map.of();
        }

        /** The portal's default database with the portal's own settings (a commit is written before it returns). */
        @Override
        String jdbcUrl() {
            return "jdbc:h2:file:" + dataDir.resolve("db").resolve("portal") + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0";
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(jdbcUrl());
            dataSource.setUser(user());
            return dataSource;
        }

        @Override
        long bytesOnDisk() throws IOException {
            try (Stream<Path> files = Files.walk(dataDir.resolve("db"))) {
                return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            }
        }

        @Override
        String describe() {
            return "H2 (embedded, the portal's default file)";
        }
    }

    /** A database on the bench's own durable PostgreSQL server, started at the first use, stopped at exit. */
    static final class PostgreSql extends BenchDatabase {
        private final String url;

        PostgreSql() {
            TestPostgres.durable();
            this.url = TestPostgres.newDatabase();
        }

        @Override
        Kind kind() {
            return Kind.POSTGRESQL;
        }

        @Override
        Map<String, String> portalEnvironment() {
            return Map.of("PORTAL_DB_URL", url, "PORTAL_DB_USER", user());
        }

        @Override
        String jdbcUrl() {
            return url;
        }

        @Override
        String user() {
            return "postgres";
        }

        @Override
        DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(url);
            dataSource.setUser(user());
            dataSource.setReWriteBatchedInserts(true); // for the generator's millions of rows; nothing measured uses it
            return dataSource;
        }

        @Override
        long bytesOnDisk() throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 ResultSet size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
                size.next();
                return size.getLong(1);
            }
        }

        @Override
        String describe() {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 ResultSet version = statement.executeQuery("SHOW server_version")) {
                version.next();
                return "PostgreSQL " + version.getString(1) + " (a private cluster on loopback, fsync and"
                        + " synchronous_commit on)";
            } catch (SQLException failure) {
                return "PostgreSQL (a private cluster on loopback, fsync and synchronous_commit on)";
            }
        }
    }
}
