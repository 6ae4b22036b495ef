package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.Actor;

public interface LogOutUseCase {

    /** Ends the session of this bearer token. */
    void logOut(Actor.PortalUserActor actor, String bearerToken);
}
