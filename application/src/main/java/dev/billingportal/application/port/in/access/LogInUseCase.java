package dev.billingportal.application.port.in.access;

import java.time.Duration;

public interface LogInUseCase {

    /** A new session's bearer token; shown once, stored only as a hash. */
    record SessionToken(String accessToken, Duration expiresIn) {
        @Override
        public String toString() {
            return "SessionToken[hidden, expiresIn=" + expiresIn + "]";
        }
    }

    /**
     * Signs a user in. Unknown user, wrong password, invited or deleted user: the same
     * {@code AuthenticationFailed}. After 5 failures within 15 minutes: {@code TooManyAttempts}.
     */
    SessionToken logIn(String username, String password);
}
