package dev.billingportal.domain.failure;

/** Authenticated, but not allowed here (a portal user's token on an operator endpoint). */
public final class AccessDenied extends PortalFailure {
    public AccessDenied(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "access-denied";
    }
}
