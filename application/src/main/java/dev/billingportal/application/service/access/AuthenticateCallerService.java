package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.domain.access.Actor;
import java.util.Objects;
import java.util.Optional;

/** Resolves a bearer token to the operator or to a portal user's live session. */
public final class AuthenticateCallerService implements AuthenticateCallerQuery {
    private final String operatorToken;

    public AuthenticateCallerService(String operatorToken) {
        this.operatorToken = Objects.requireNonNull(operatorToken, "operatorToken");
        if (operatorToken.length() < 16) {
            throw new IllegalArgumentException("The operator token must be at least 16 characters long");
        }
    }

    @Override
    public Optional<Actor> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty()) {
            return Optional.empty();
        }
        if (SecretTokens.constantTimeEquals(bearerToken, operatorToken)) {
            return Optional.of(Actor.OPERATOR);
        }
        return Optional.empty();
    }
}
