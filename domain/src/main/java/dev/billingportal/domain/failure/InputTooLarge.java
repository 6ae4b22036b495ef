package dev.billingportal.domain.failure;

/** What was sent is larger than the portal reads ({@code maxBytes}); nothing of it was used. */
public final class InputTooLarge extends PortalFailure {
    private final long maxBytes;

    public InputTooLarge(long maxBytes) {
        this("The request body must not be larger than " + maxBytes + " bytes (" + maxBytes / (1024 * 1024)
                + " MiB).", maxBytes);
    }

    private InputTooLarge(String message, long maxBytes) {
        super(message);
        this.maxBytes = maxBytes;
    }

    /** A file of more lines than one request may hold ({@code maxLines}), whatever its size in bytes. */
    public static InputTooLarge lines(long maxLines) {
        return new InputTooLarge("The file must not hold more than " + maxLines + " lines.", -1);
    }

    /** The limit in bytes; -1 when the limit passed was another (a number of lines). */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public String code() {
        return "payload-too-large";
    }
}
