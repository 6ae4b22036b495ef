package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.failure.FieldChecks;
import java.util.Objects;

/** Someone asks for a reset link for a username, as typed; whether it exists is never revealed. */
public record RequestPasswordResetCommand(String username) {
    public RequestPasswordResetCommand {
        Objects.requireNonNull(username, "username");
    }

    public static RequestPasswordResetCommand of(String username) {
        FieldChecks checks = FieldChecks.start();
        String typed = checks.required("username", username, raw -> raw);
        checks.orThrow();
        return new RequestPasswordResetCommand(typed);
    }
}
