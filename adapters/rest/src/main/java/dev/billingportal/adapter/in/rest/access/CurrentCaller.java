package dev.billingportal.adapter.in.rest.access;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.failure.AuthenticationFailed;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Who is calling in this request, as established by {@link BearerAuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {
    private Actor actor;
    private String bearerToken;

    void authenticated(Actor actor, String bearerToken) {
        this.actor = actor;
        this.bearerToken = bearerToken;
    }

    /** The caller; only endpoints that require authentication may ask. */
    public Actor actor() {
        if (actor == null) {
            throw new AuthenticationFailed();
        }
        return actor;
    }

    public Actor.PortalUserActor portalUser() {
        if (actor() instanceof Actor.PortalUserActor user) {
            return user;
        }
        throw new AuthenticationFailed();
    }

    /** The token the caller presented (to end this very session on logout). */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }
}
