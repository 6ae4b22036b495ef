package dev.billingportal.adapter.out.mail;

import dev.billingportal.application.port.out.MailDeliveryFailure;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Decides whether a failed send may succeed later. A 5xx reply is permanent (the recipient or message is
 * refused for good); a 4xx reply, a refused or dropped connection and a timeout are temporary.
 */
final class SmtpFailures {
    private SmtpFailures() {
    }

    static MailDeliveryFailure classify(MessagingException failure) {
        int code = replyCode(failure);
        String message = describe(failure, code);
        return new MailDeliveryFailure(code >= 500 && code < 600, message, failure);
    }

    /** The first SMTP reply code in the exception chain, or -1 when the server never answered. */
    static int replyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (t instanceof SMTPSenderFailedException sender) {
                return sender.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
        }
        return -1;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return t.getCause();
    }

    private static String describe(MessagingException failure, int code) {
        StringBuilder description = new StringBuilder();
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                if (!description.isEmpty()) {
                    description.append(" / ");
                }
                description.append(MailTemplates.headerSafe(t.getMessage()));
            }
        }
        String text = description.isEmpty() ? failure.getClass().getSimpleName() : description.toString();
        return code > 0 ? "SMTP " + code + ": " + text : text;
    }
}
