package dev.billingportal.application.port.in.user;

public interface EndPortalUserSessionsUseCase {

    /**
     * Ends every session of a portal user at once, API and web (a lost laptop, a departure): support may (spec §11),
     * with a reason; the account's audit shows it.
     */
    void endSessions(PortalUserCommand command);
}
