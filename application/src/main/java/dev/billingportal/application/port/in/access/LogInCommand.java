package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.failure.FieldChecks;
import java.util.Objects;

/**
 * A sign-in attempt: the username and password as typed, and the channel the session is for. The username is
 * deliberately not validated beyond being given: an unknown or malformed one fails exactly like a wrong password.
 */
public record LogInCommand(String username, String password, SessionChannel channel) {
    public LogInCommand {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(channel, "channel");
    }

    public static LogInCommand of(String username, String password, SessionChannel channel) {
        FieldChecks checks = FieldChecks.start();
        String user = checks.required("username", username, raw -> raw);
        String secret = checks.required("password", password, raw -> raw);
        checks.orThrow();
        return new LogInCommand(user, secret, channel);
    }

    @Override
    public String toString() {
        return "LogInCommand[hidden, channel=" + channel + "]";
    }
}
