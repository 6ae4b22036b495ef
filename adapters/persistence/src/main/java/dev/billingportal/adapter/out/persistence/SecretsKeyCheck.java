package dev.billingportal.adapter.out.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Makes sure every process of one portal seals with the same secrets key: the first start seals a known value into
 * {@code secrets_key_check}; every start after it must open that value, or the process does not start. Processes
 * racing to be first: the primary key lets one insert, and the others read what it wrote.
 */
public final class SecretsKeyCheck {
    private static final String BOUND_TO = "secrets-key-check";
    private static final byte[] MARK = "billing-portal secrets key".getBytes(StandardCharsets.UTF_8);

    private SecretsKeyCheck() {
    }

    /** Passes if {@code seal} is this database's key (or the first one it sees); otherwise throws, saying what to do. */
    public static void verify(DataSource dataSource, SecretSeal seal, Instant now) {
        String sealed = read(dataSource).orElseGet(() -> insertOrRead(dataSource, seal, now));
        byte[] opened;
        try {
            opened = seal.open(sealed, BOUND_TO);
        } catch (IllegalStateException otherKey) {
            throw new IllegalStateException("This database's secrets were sealed with another secrets key: give every "
                    + "process of the portal the same portal.secrets.key (docs/operations.md)", otherKey);
        }
        if (!Arrays.equals(MARK, opened)) {
            throw new IllegalStateException("The secrets key check holds an unexpected value");
        }
    }

    private static Optional<String> read(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT sealed FROM secrets_key_check WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            Optional<String> sealed = row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            connection.rollback();
            return sealed;
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot read the secrets key check", failure);
        }
    }

    private static String insertOrRead(DataSource dataSource, SecretSeal seal, Instant now) {
        String sealed = seal.seal(MARK, BOUND_TO);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO secrets_key_check (id, sealed, created_at) VALUES (1, ?, ?)")) {
            insert.setString(1, sealed);
            insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
            connection.commit();
            return sealed;
        } catch (SQLException anotherProcessWasFirst) {
            return read(dataSource).orElseThrow(() -> new IllegalStateException("Cannot write the secrets key check",
                    anotherProcessWasFirst));
        }
    }
}
