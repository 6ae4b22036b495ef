package dev.billingportal.application.port.in.access;

public interface SignOutOperatorUseCase {

    /** Ends the console session (half-way or full); an unknown token is no error. */
    void signOut(String sessionToken);
}
