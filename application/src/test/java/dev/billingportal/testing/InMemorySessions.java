package dev.billingportal.testing;

import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.UserStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemorySessions implements Sessions {
    private record Session(PortalUserId user, Instant expiresAt) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final PortalUsers users;

    public InMemorySessions(PortalUsers users) {
        this.users = users;
    }

    @Override
    public void open(String tokenHash, PortalUserId user, Instant createdAt, Instant expiresAt) {
        sessions.put(tokenHash, new Session(user, expiresAt));
    }

    @Override
    public Optional<SessionOwner> findActive(String tokenHash, Instant now) {
        return Optional.ofNullable(sessions.get(tokenHash))
                .filter(session -> now.isBefore(session.expiresAt()))
                .flatMap(session -> users.find(session.user()))
                .filter(user -> user.status() == UserStatus.ACTIVE)
                .map(user -> new SessionOwner(user.id(), user.accountId(), user.username().value()));
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
