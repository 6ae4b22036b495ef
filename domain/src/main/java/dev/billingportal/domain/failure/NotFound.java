package dev.billingportal.domain.failure;

/**
 * The resource does not exist, or exists in an account the caller does not belong to: the two are
 * indistinguishable on purpose, so that an account's existence is never revealed.
 */
public final class NotFound extends PortalFailure {
    public NotFound(String what) {
        super(what + " was not found.");
    }

    @Override
    public String code() {
        return "not-found";
    }
}
