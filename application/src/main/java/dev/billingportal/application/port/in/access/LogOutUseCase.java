package dev.billingportal.application.port.in.access;

public interface LogOutUseCase {

    /** Ends the session of the command's token. */
    void logOut(LogOutCommand command);
}
