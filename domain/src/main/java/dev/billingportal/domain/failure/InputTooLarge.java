package dev.billingportal.domain.failure;

/** What was sent is larger than the portal reads ({@code maxBytes}); nothing of it was used. */
public final class InputTooLarge extends PortalFailure {
    private final long maxBytes;

    public InputTooLarge(long maxBytes) {
        super("The request body must not be larger than " + maxBytes + " bytes (" + maxBytes / (1024 * 1024)
                + " MiB).");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public String code() {
        return "payload-too-large";
    }
}
