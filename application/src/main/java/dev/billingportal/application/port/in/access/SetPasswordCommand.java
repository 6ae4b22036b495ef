package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.Password;
import dev.billingportal.domain.failure.FieldChecks;
import java.util.Objects;

/**
 * A password chosen with the one-time token of an e-mailed link — an invitation's or a reset's; both use cases
 * take this same command, because a person gives the same two things for either.
 */
public record SetPasswordCommand(String token, Password password) {
    public SetPasswordCommand {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(password, "password");
    }

    public static SetPasswordCommand of(String token, String password) {
        FieldChecks checks = FieldChecks.start();
        String link = checks.required("token", token, raw -> raw);
        Password chosen = checks.required("password", password, Password::of);
        checks.orThrow();
        return new SetPasswordCommand(link, chosen);
    }

    @Override
    public String toString() {
        return "SetPasswordCommand[hidden]";
    }
}
