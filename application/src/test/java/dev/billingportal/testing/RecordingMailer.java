package dev.billingportal.testing;

import dev.billingportal.application.port.out.MailDeliveryFailure;
import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.port.out.OutgoingMail;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what it was asked to send; can be told to fail temporarily or permanently. */
public final class RecordingMailer implements Mailer {
    private final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();
    private volatile MailDeliveryFailure failure;

    @Override
    public void send(OutgoingMail mail) {
        MailDeliveryFailure current = failure;
        if (current != null) {
            throw current;
        }
        sent.add(mail);
    }

    public void failTemporarily(String message) {
        failure = new MailDeliveryFailure(false, message, null);
    }

    public void failPermanently(String message) {
        failure = new MailDeliveryFailure(true, message, null);
    }

    public void recover() {
        failure = null;
    }

    public List<OutgoingMail> sent() {
        return List.copyOf(sent);
    }
}
