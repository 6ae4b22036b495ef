package dev.billingportal.application.port.in.access;

public interface LogInUseCase {

    /**
     * Signs a user in and opens a session of the command's channel. Unknown user, wrong password, invited or
     * deleted user: the same {@code AuthenticationFailed}. After 5 failures within 15 minutes, whatever the
     * channel: {@code TooManyAttempts}.
     */
    SessionToken logIn(LogInCommand command);
}
