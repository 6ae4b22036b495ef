package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.ConsoleStage;
import java.util.Objects;

/**
 * An operator's sign-in half-way (spec §11): the password proved, a session token good for the next step only, and
 * what that step is — the second factor ({@code passkeys}: whether a passkey may answer it), or enrolling one.
 */
public record SignInProgress(String token, ConsoleStage stage, boolean passkeys) {
    public SignInProgress {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(stage, "stage");
    }

    @Override
    public String toString() {
        return "SignInProgress[hidden, stage=" + stage + ", passkeys=" + passkeys + "]";
    }
}
