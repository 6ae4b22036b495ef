package dev.billingportal.application.port.out;

import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import java.time.Instant;
import java.util.Optional;

/**
 * Operators' console sessions (spec §11): opaque tokens stored only as hashes. A session starts half-way — the
 * password proved, the second factor still to give ({@link ConsoleStage#SECOND_FACTOR}) or, for an operator who has
 * none yet, to enrol ({@link ConsoleStage#ENROLMENT}) — and only a {@link ConsoleStage#FULL} session opens the console.
 */
public interface ConsoleSessions {

    /** Who a session belongs to, as the console needs them on every request. */
    record Owner(OperatorId id, String name, OperatorRole role) {
    }

    /**
     * A stored session of an {@code ACTIVE} operator; {@code challenge} is the WebAuthn challenge it was last given,
     * if one is outstanding.
     */
    record StoredSession(Owner owner, ConsoleStage stage, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                         Optional<Instant> secondFactorAt, Optional<String> challenge) {
    }

    void open(String tokenHash, OperatorId operator, ConsoleStage stage, Instant now, Instant expiresAt,
              Optional<Instant> secondFactorAt);

    /** The session, if it exists and its operator is {@code ACTIVE} right now: disabling ends sessions at once. */
    Optional<StoredSession> find(String tokenHash);

    void touch(String tokenHash, Instant usedAt);

    /** The second factor was proved again (step-up). */
    void secondFactorProved(String tokenHash, Instant at);

    /** Keeps the WebAuthn challenge the session was just given (replacing any earlier one), or clears it. */
    void challenge(String tokenHash, Optional<String> challenge);

    void close(String tokenHash);

    /** Ends every session of the operator (disabled, second factor reset, password reset). */
    void closeAll(OperatorId operator);

    /** Ends every session of the operator but this one (they changed their own password). */
    void closeOthers(OperatorId operator, String keptTokenHash);
}
