package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.Actor;
import java.util.Optional;

public interface AuthenticateCallerQuery {

    /**
     * Who presents this token — the installation key, a named API key, a portal user's live session of an accepted
     * channel or an operator's full console session — if that kind of caller is accepted; nobody otherwise. The use of
     * a session or a key is recorded (at most once a minute).
     */
    Optional<Actor> authenticate(CallerToken token);
}
