package dev.billingportal.application.port.out;

/** The message broker could not be reached or refused the messages; nothing was published. */
public final class QueueUnavailable extends RuntimeException {
    public QueueUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
