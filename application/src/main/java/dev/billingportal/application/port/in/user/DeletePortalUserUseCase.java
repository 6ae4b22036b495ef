package dev.billingportal.application.port.in.user;

public interface DeletePortalUserUseCase {

    /**
     * Deletes another user of the account (spec §3 rules 4 and 5): their sessions end at once, they vanish from
     * the list, their username stays reserved.
     */
    void delete(PortalUserCommand command);
}
