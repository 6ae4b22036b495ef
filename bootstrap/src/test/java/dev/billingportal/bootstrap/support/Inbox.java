package dev.billingportal.bootstrap.support;

import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** Where a test reads the mail the portal sent: GreenMail, or the scripted SMTP server. */
public interface Inbox {

    /** Messages to {@code address}, in the order they arrived. */
    List<MimeMessage> to(String address);
}
