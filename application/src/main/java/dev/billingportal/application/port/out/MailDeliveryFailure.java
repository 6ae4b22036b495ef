package dev.billingportal.application.port.out;

/**
 * The mail was not accepted. {@code permanent}: the server rejected it for good (SMTP 5xx for the
 * recipient) and retrying cannot help; otherwise (4xx, refused connection, timeout) it may.
 */
public final class MailDeliveryFailure extends RuntimeException {
    private final boolean permanent;

    public MailDeliveryFailure(boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
