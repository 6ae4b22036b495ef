package dev.billingportal.domain.failure;

/** A dependency is busy or down (a lock wait timed out, the database is unreachable); retrying may work. */
public final class TemporarilyUnavailable extends PortalFailure {
    public TemporarilyUnavailable(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "temporarily-unavailable";
    }
}
