package dev.billingportal.application.port.in.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An authenticator confirmed: the ten recovery codes, shown this once, and — when it finished a sign-in — the console
 * session it opened.
 */
public record EnrolmentDone(Optional<SessionToken> session, List<String> recoveryCodes) {
    public EnrolmentDone {
        Objects.requireNonNull(session, "session");
        recoveryCodes = List.copyOf(recoveryCodes);
    }

    @Override
    public String toString() {
        return "EnrolmentDone[hidden]";
    }
}
