package dev.billingportal.application.port.in.access;

public interface RequestPasswordResetUseCase {

    /** Mails a reset link if the username belongs to an active user; says nothing either way (no enumeration). */
    void request(RequestPasswordResetCommand command);
}
