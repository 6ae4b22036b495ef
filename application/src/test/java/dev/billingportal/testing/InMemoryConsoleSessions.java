package dev.billingportal.testing;

import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.operator.OperatorStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryConsoleSessions implements ConsoleSessions {
    private record Session(OperatorId operator, ConsoleStage stage, Instant createdAt, Instant lastUsedAt,
                           Instant expiresAt, Optional<Instant> secondFactorAt, Optional<String> challenge) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Operators operators;

    public InMemoryConsoleSessions(Operators operators) {
        this.operators = operators;
    }

    @Override
    public void open(String tokenHash, OperatorId operator, ConsoleStage stage, Instant now, Instant expiresAt,
                     Optional<Instant> secondFactorAt) {
        sessions.put(tokenHash, new Session(operator, stage, now, now, expiresAt, secondFactorAt, Optional.empty()));
    }

    @Override
    public Optional<StoredSession> find(String tokenHash) {
        Session session = sessions.get(tokenHash);
        if (session == null) {
            return Optional.empty();
        }
        return operators.find(session.operator())
                .filter(operator -> operator.status() == OperatorStatus.ACTIVE)
                .map(operator -> new StoredSession(new Owner(operator.id(), operator.name().value(), operator.role()),
                        session.stage(), session.createdAt(), session.lastUsedAt(), session.expiresAt(),
                        session.secondFactorAt(), session.challenge()));
    }

    @Override
    public void touch(String tokenHash, Instant usedAt) {
        sessions.computeIfPresent(tokenHash, (hash, s) -> new Session(s.operator(), s.stage(), s.createdAt(), usedAt,
                s.expiresAt(), s.secondFactorAt(), s.challenge()));
    }

    @Override
    public void secondFactorProved(String tokenHash, Instant at) {
        sessions.computeIfPresent(tokenHash, (hash, s) -> new Session(s.operator(), s.stage(), s.createdAt(),
                s.lastUsedAt(), s.expiresAt(), Optional.of(at), s.challenge()));
    }

    @Override
    public void challenge(String tokenHash, Optional<String> challenge) {
        sessions.computeIfPresent(tokenHash, (hash, s) -> new Session(s.operator(), s.stage(), s.createdAt(),
                s.lastUsedAt(), s.expiresAt(), s.secondFactorAt(), challenge));
    }

    @Override
    public void close(String tokenHash) {
        sessions.remove(tokenHash);
    }

    @Override
    public void closeAll(OperatorId operator) {
        sessions.values().removeIf(session -> session.operator().equals(operator));
    }

    @Override
    public void closeOthers(OperatorId operator, String keptTokenHash) {
        sessions.entrySet().removeIf(entry -> entry.getValue().operator().equals(operator)
                && !entry.getKey().equals(keptTokenHash));
    }

    public int count(OperatorId operator) {
        return (int) sessions.values().stream().filter(session -> session.operator().equals(operator)).count();
    }
}
