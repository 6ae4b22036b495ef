package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.Actor;
import java.util.Optional;

public interface AuthenticateCallerQuery {

    /** Who presents this bearer token: an operator, a portal user with a live session, or nobody. */
    Optional<Actor> authenticate(String bearerToken);
}
