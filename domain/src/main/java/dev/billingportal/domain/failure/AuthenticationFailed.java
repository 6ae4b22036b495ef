package dev.billingportal.domain.failure;

/**
 * No valid credentials. One message for every cause (unknown user, wrong password, invited or deleted
 * user, expired session) so that responses never reveal which usernames exist.
 */
public final class AuthenticationFailed extends PortalFailure {
    public static final String MESSAGE = "The username or password is incorrect, or the session has ended.";

    public AuthenticationFailed() {
        super(MESSAGE);
    }

    @Override
    public String code() {
        return "authentication-failed";
    }
}
