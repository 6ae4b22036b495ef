package dev.billingportal.domain.failure;

/** The client's {@code If-Match} names a version that is no longer current (optimistic concurrency). */
public final class VersionMismatch extends PortalFailure {
    public VersionMismatch() {
        super("The resource was changed by someone else. Reload it and try again.");
    }

    @Override
    public String code() {
        return "version-mismatch";
    }
}
