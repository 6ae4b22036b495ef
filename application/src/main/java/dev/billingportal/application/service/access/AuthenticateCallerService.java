package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.SecretTokens;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Resolves a bearer token to the operator or to a portal user's live session. */
public final class AuthenticateCallerService implements AuthenticateCallerQuery {
    private final String operatorToken;
    private final UnitOfWork unitOfWork;
    private final Sessions sessions;
    private final Clock clock;

    public AuthenticateCallerService(String operatorToken, UnitOfWork unitOfWork, Sessions sessions, Clock clock) {
        this.operatorToken = Objects.requireNonNull(operatorToken, "operatorToken");
        if (operatorToken.length() < 16) {
            throw new IllegalArgumentException("The operator token must be at least 16 characters long");
        }
        this.unitOfWork = unitOfWork;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Optional<Actor> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty() || bearerToken.length() > 512) {
            return Optional.empty();
        }
        if (SecretTokens.constantTimeEquals(bearerToken, operatorToken)) {
            return Optional.of(Actor.OPERATOR);
        }
        String tokenHash = SecretTokens.hash(bearerToken);
        return unitOfWork.inTransaction(() -> sessions.findActive(tokenHash, clock.instant()))
                .map(owner -> new Actor.PortalUserActor(owner.userId(), owner.accountId(), owner.username()));
    }
}
