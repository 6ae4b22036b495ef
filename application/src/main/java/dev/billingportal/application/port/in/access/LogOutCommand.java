package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.Actor;
import java.util.Objects;

/** A signed-in user ends the session of the token they present. */
public record LogOutCommand(Actor.PortalUserActor actor, String sessionToken) {
    public LogOutCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    @Override
    public String toString() {
        return "LogOutCommand[" + actor + ", hidden]";
    }
}
