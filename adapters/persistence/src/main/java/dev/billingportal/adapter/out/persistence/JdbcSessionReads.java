package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.SessionReads;
import dev.billingportal.application.port.out.Sessions.SessionOwner;
import dev.billingportal.application.port.out.Sessions.StoredSession;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PortalUserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A session read over plain JDBC, one short read on a pooled connection: what {@link JpaSessions#find} reads, without
 * a unit of work around it — letting a request in costs its query and little more. Given {@link Database#reads()}, it
 * is one round trip.
 */
public final class JdbcSessionReads implements SessionReads {
    /** The read, public as the bench's raw baseline of the session check every request makes. */
    public static final String SQL = "SELECT u.id, u.account_id, u.username, s.channel, s.last_used_at, s.expires_at"
            + " FROM user_session s JOIN portal_user u ON u.id = s.user_id"
            + " WHERE s.token_hash = ? AND u.status = 'ACTIVE'";

    private final DataSource dataSource;

    public JdbcSessionReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, tokenHash);
            Optional<StoredSession> found = Optional.empty();
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    found = Optional.of(new StoredSession(new SessionOwner(
                            new PortalUserId(row.getObject(1, UUID.class)), new AccountId(row.getObject(2, UUID.class)),
                            row.getString(3)), SessionChannel.valueOf(row.getString(4).strip()),
                            row.getObject(5, OffsetDateTime.class).toInstant(),
                            row.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
            return found;
        } catch (SQLException failure) {
            throw PersistenceFailures.translate(failure);
        }
    }
}
