package dev.billingportal.testing;

import dev.billingportal.application.port.out.Operators;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.EmailAddress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores copies, as a database would. The roster lock is a real lock held until the unit of work ends (the in-memory
 * unit of work runs on the caller's thread), so concurrency tests of the last-administrator rule mean something here.
 */
public final class InMemoryOperators implements Operators {
    private final Map<OperatorId, Operator> operators = new LinkedHashMap<>();
    private final ReentrantLock roster = new ReentrantLock();
    private final InMemoryUnitOfWork unitOfWork;

    public InMemoryOperators(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public synchronized Operator add(Operator operator) {
        String key = Operator.emailKey(operator.email());
        if (operators.values().stream().anyMatch(existing -> Operator.emailKey(existing.email()).equals(key))) {
            throw Operator.emailTaken();
        }
        Operator stored = copy(operator, 1);
        operators.put(operator.id(), stored);
        return copy(stored, 1);
    }

    @Override
    public synchronized Operator update(Operator operator) {
        Operator current = operators.get(operator.id());
        if (current == null || current.version() != operator.version()) {
            throw new VersionMismatch();
        }
        Operator stored = copy(operator, operator.version() + 1);
        operators.put(operator.id(), stored);
        return copy(stored, stored.version());
    }

    @Override
    public synchronized Optional<Operator> find(OperatorId id) {
        return Optional.ofNullable(operators.get(id)).map(found -> copy(found, found.version()));
    }

    @Override
    public synchronized Optional<Operator> findByEmail(EmailAddress email) {
        String key = Operator.emailKey(email);
        return operators.values().stream().filter(found -> Operator.emailKey(found.email()).equals(key)).findFirst()
                .map(found -> copy(found, found.version()));
    }

    @Override
    public synchronized List<Operator> all() {
        return operators.values().stream().sorted(Comparator.comparing(found -> Operator.emailKey(found.email())))
                .map(found -> copy(found, found.version())).toList();
    }

    @Override
    public long lockRosterAndCountActiveAdmins() {
        if (!roster.isHeldByCurrentThread()) {
            roster.lock();
            unitOfWork.atEnd(roster::unlock);
        }
        synchronized (this) {
            return operators.values().stream().filter(Operator::isActiveAdmin).count();
        }
    }

    @Override
    public synchronized List<Operator> activeAdmins() {
        return operators.values().stream().filter(Operator::isActiveAdmin).map(found -> copy(found, found.version()))
                .toList();
    }

    private static Operator copy(Operator o, long version) {
        return Operator.reconstitute(o.id(), o.email(), o.name(), o.role(), o.status(), o.language(), o.timeZone(),
                o.passwordHash(), o.totpSecret().orElse(null), o.lastTotpStep(), o.pendingTotpSecret().orElse(null),
                o.lastSignInAt().orElse(null), o.createdAt(), o.updatedAt(), version);
    }
}
