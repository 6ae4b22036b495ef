package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.Actor;
import java.util.Optional;

public interface AuthenticateCallerQuery {

    /**
     * Who presents this token — the operator ({@link Actor.Operator}) or a portal user with a live session of the
     * accepted channel ({@link Actor.PortalUserActor}) — if that kind of caller is accepted; nobody otherwise.
     * A portal user's use of the session is recorded (for the idle timeout).
     */
    Optional<Actor> authenticate(CallerToken token);
}
