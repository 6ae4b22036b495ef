package dev.billingportal.application.port.in.user;

public interface ReinvitePortalUserUseCase {

    /** Sends an {@code INVITED} user a new invitation; the old link stops working at once. */
    void reinvite(PortalUserCommand command);
}
