package dev.billingportal.testing;

import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.UserStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemorySessions implements Sessions {
    private record Session(PortalUserId user, SessionChannel channel, Instant lastUsedAt, Instant expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final PortalUsers users;

    public InMemorySessions(PortalUsers users) {
        this.users = users;
    }

    @Override
    public void open(String tokenHash, PortalUserId user, SessionChannel channel, Instant now, Instant expiresAt) {
        sessions.values().removeIf(session -> session.user().equals(user) && !now.isBefore(session.expiresAt()));
        sessions.put(tokenHash, new Session(user, channel, now, expiresAt));
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        Session session = sessions.get(tokenHash);
        if (session == null) {
            return Optional.empty();
        }
        return users.find(session.user())
                .filter(user -> user.status() == UserStatus.ACTIVE)
                .map(user -> new StoredSession(new SessionOwner(user.id(), user.accountId(), user.username().value()),
                        session.channel(), session.lastUsedAt(), session.expiresAt()));
    }

    @Override
    public void touch(String tokenHash, Instant usedAt) {
        sessions.computeIfPresent(tokenHash,
                (hash, session) -> new Session(session.user(), session.channel(), usedAt, session.expiresAt()));
    }

    @Override
    public void close(String tokenHash) {
        sessions.remove(tokenHash);
    }

    @Override
    public void closeAll(PortalUserId user) {
        sessions.values().removeIf(session -> session.user().equals(user));
    }

    public int count() {
        return sessions.size();
    }
}
