package dev.billingportal.domain.failure;

/** Usernames are unique across the portal forever, deleted users included (spec §3 rule 2). */
public final class UsernameTaken extends PortalFailure {
    public static final String MESSAGE = "The username already exists. Please use a different username.";

    public UsernameTaken() {
        super(MESSAGE);
    }

    @Override
    public String code() {
        return "username-taken";
    }
}
