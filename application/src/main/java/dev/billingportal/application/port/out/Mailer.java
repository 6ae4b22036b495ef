package dev.billingportal.application.port.out;

/** Renders and sends one e-mail. */
public interface Mailer {

    /**
     * Sends {@code mail}; returns once the mail server (or the mail folder) accepted it. Throws
     * {@link MailDeliveryFailure} saying whether trying again may help.
     */
    void send(OutgoingMail mail);
}
