package dev.billingportal.application.port.in.access;

public interface SignInOperatorUseCase {

    /**
     * The first step of an operator's sign-in: e-mail and password. Any wrong part fails with the one generic
     * {@code AuthenticationFailed}; five failures (of either step) within 15 minutes lock the address for 15
     * (spec §4's rule). A disabled operator cannot sign in.
     */
    SignInProgress signIn(LogInCommand command);
}
