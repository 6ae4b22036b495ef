package dev.billingportal.domain.failure;

/** A portal user may delete others of their account, never themself (spec §3 rule 5). */
public final class CannotDeleteOwnUser extends PortalFailure {
    public static final String MESSAGE = "You cannot delete your own Billing Portal user.";

    public CannotDeleteOwnUser() {
        super(MESSAGE);
    }

    @Override
    public String code() {
        return "cannot-delete-own-user";
    }
}
