package dev.billingportal.testing;

import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.UsernameTaken;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.Username;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores copies, as a database would: changing a read user changes nothing until {@link #update}. */
public final class InMemoryPortalUsers implements PortalUsers {
    private final Map<PortalUserId, PortalUser> users = new LinkedHashMap<>();

    @Override
    public synchronized PortalUser add(PortalUser user) {
        if (users.values().stream().anyMatch(existing -> existing.username().equals(user.username()))) {
            throw new UsernameTaken();
        }
        PortalUser stored = copy(user, 1);
        users.put(user.id(), stored);
        return copy(stored, stored.version());
    }

    @Override
    public synchronized PortalUser update(PortalUser user) {
        PortalUser current = users.get(user.id());
        if (current == null || current.version() != user.version()) {
            throw new VersionMismatch();
        }
        PortalUser stored = copy(user, user.version() + 1);
        users.put(user.id(), stored);
        return copy(stored, stored.version());
    }

    @Override
    public synchronized Optional<PortalUser> find(PortalUserId id) {
        return Optional.ofNullable(users.get(id)).map(user -> copy(user, user.version()));
    }

    @Override
    public synchronized Optional<PortalUser> findByUsername(Username username) {
        return users.values().stream().filter(user -> user.username().equals(username)).findFirst()
                .map(user -> copy(user, user.version()));
    }

    @Override
    public synchronized List<PortalUser> listByAccount(AccountId accountId, boolean includeDeleted) {
        return users.values().stream()
                .filter(user -> user.accountId().equals(accountId))
                .filter(user -> includeDeleted || !user.isDeleted())
                .sorted(Comparator.comparing(PortalUser::createdAt))
                .map(user -> copy(user, user.version()))
                .toList();
    }

    private static PortalUser copy(PortalUser user, long version) {
        return PortalUser.reconstitute(user.id(), user.accountId(), user.username(), user.email(), user.firstName(),
                user.lastName(), user.timeZone(), user.billingNotifications(), user.language(), user.status(),
                user.passwordHash(), user.createdAt(), user.updatedAt(), user.deletedAt(), version);
    }

    /** Every user, deleted ones too, for the search's fake. */
    public synchronized List<PortalUser> all() {
        return List.copyOf(users.values());
    }
}
