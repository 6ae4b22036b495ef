package dev.billingportal.application.service.access;

import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.access.StepUpPolicy;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.StepUpRequired;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an operator's console session by its token and decides whether it still works: a session half-way lives
 * {@link ConsoleStage#HALF_WAY_LIFETIME} from its start; a full one until its absolute lifetime or idle timeout ends
 * (a use is recorded at most once a minute). A session that no longer works is removed.
 */
final class ConsoleSessionLookup {
    private final ConsoleSessions sessions;
    private final SessionTimeouts timeouts;

    ConsoleSessionLookup(ConsoleSessions sessions, SessionTimeouts timeouts) {
        this.sessions = sessions;
        this.timeouts = timeouts;
    }

    /** A session, found and live. */
    record Found(String tokenHash, ConsoleSessions.StoredSession session) {
    }

    Optional<Found> live(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > AuthenticateCallerService.MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return liveByHash(SecretTokens.hash(token), now);
    }

    /** As {@link #live}, for a caller that has hashed the presented token already. */
    Optional<Found> liveByHash(String tokenHash, Instant now) {
        return sessions.find(tokenHash).filter(session -> isLive(tokenHash, session, now))
                .map(session -> new Found(tokenHash, session));
    }

    /** The live session at one of {@code stages}; otherwise the generic {@link AuthenticationFailed}. */
    Found require(String token, Set<ConsoleStage> stages, Instant now) {
        return live(token, now).filter(found -> stages.contains(found.session().stage()))
                .orElseThrow(AuthenticationFailed::new);
    }

    /** A full session whose second factor was proved in the last five minutes (spec §11's step-up). */
    Found requireFresh(String token, Instant now) {
        Found found = require(token, Set.of(ConsoleStage.FULL), now);
        if (!found.session().secondFactorAt().map(at -> StepUpPolicy.isFresh(at, now)).orElse(false)) {
            throw new StepUpRequired();
        }
        return found;
    }

    private boolean isLive(String tokenHash, ConsoleSessions.StoredSession session, Instant now) {
        boolean live = session.stage() == ConsoleStage.FULL
                ? session.secondFactorAt().isPresent()
                && timeouts.isLive(session.expiresAt(), session.lastUsedAt(), now)
                : now.isBefore(session.expiresAt());
        if (!live) {
            sessions.close(tokenHash);
            return false;
        }
        if (session.stage() == ConsoleStage.FULL && timeouts.shouldTouch(session.lastUsedAt(), now)) {
            sessions.touch(tokenHash, now);
        }
        return true;
    }
}
