package dev.billingportal.domain.failure;

/** An invitation or password-reset token that is unknown, used or expired; deliberately one message. */
public final class InvalidToken extends PortalFailure {
    public static final String MESSAGE = "The link is invalid or has expired.";

    public InvalidToken() {
        super(MESSAGE);
    }

    @Override
    public String code() {
        return "invalid-token";
    }
}
