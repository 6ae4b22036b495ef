package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.access.CallerKind;
import dev.billingportal.application.port.in.access.CallerToken;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.SessionTimeouts;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves a token to the operator or to a portal user's live session — only to a kind of caller the asking
 * adapter accepts. A session works until its absolute lifetime or its idle timeout ends, whichever is first.
 */
public final class AuthenticateCallerService implements AuthenticateCallerQuery {
    private static final int MAX_TOKEN_LENGTH = 512;

    private final String operatorToken;
    private final UnitOfWork unitOfWork;
    private final Sessions sessions;
    private final Map<SessionChannel, SessionTimeouts> timeouts;
    private final Clock clock;

    public AuthenticateCallerService(String operatorToken, UnitOfWork unitOfWork, Sessions sessions,
                                     Map<SessionChannel, SessionTimeouts> timeouts, Clock clock) {
        this.operatorToken = Objects.requireNonNull(operatorToken, "operatorToken");
        if (operatorToken.length() < 16) {
            throw new IllegalArgumentException("The operator token must be at least 16 characters long");
        }
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
        this.timeouts = Map.copyOf(timeouts);
        for (SessionChannel channel : SessionChannel.values()) {
            Objects.requireNonNull(this.timeouts.get(channel), "timeouts of " + channel);
        }
        this.clock = clock;
    }

    @Override
    public Optional<Actor> authenticate(CallerToken presented) {
        String token = presented.token();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        if (presented.accepted().contains(CallerKind.OPERATOR) && SecretTokens.constantTimeEquals(token, operatorToken)) {
            return Optional.of(Actor.OPERATOR);
        }
        boolean api = presented.accepted().contains(CallerKind.API_SESSION);
        boolean web = presented.accepted().contains(CallerKind.WEB_SESSION);
        if (!api && !web) {
            return Optional.empty();
        }
        String tokenHash = SecretTokens.hash(token);
        return unitOfWork.inTransaction(() -> sessions.find(tokenHash)
                .filter(session -> session.channel() == SessionChannel.API ? api : web)
                .filter(session -> live(tokenHash, session, clock.instant()))
                .map(session -> new Actor.PortalUserActor(session.owner().userId(), session.owner().accountId(),
                        session.owner().username())));
    }

    /** Whether the session still works; a use is recorded, a timed-out session removed. */
    private boolean live(String tokenHash, Sessions.StoredSession session, Instant now) {
        SessionTimeouts rules = timeouts.get(session.channel());
        if (!rules.isLive(session.expiresAt(), session.lastUsedAt(), now)) {
            sessions.close(tokenHash);
            return false;
        }
        if (rules.shouldTouch(session.lastUsedAt(), now)) {
            sessions.touch(tokenHash, now);
        }
        return true;
    }
}
