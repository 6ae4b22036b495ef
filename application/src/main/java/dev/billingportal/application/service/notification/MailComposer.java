package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.OutgoingMail;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.UserStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides what a delivery's e-mail says, for its recipient as they are now. Invitation and reset tokens
 * are made here, at sending time, so that the plain token exists only inside the mail.
 */
public final class MailComposer {
    private final OneTimeTokens tokens;
    private final String baseUrl;

    public MailComposer(OneTimeTokens tokens, String baseUrl) {
        this.tokens = tokens;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Either a mail to send or the reason there is nothing worth sending any more. */
    public sealed interface Composition {
        record Mail(OutgoingMail mail) implements Composition {
        }

        record NothingToSend(String reason) implements Composition {
        }
    }

    public Composition compose(Delivery delivery, NotificationEvent event, PortalUser recipient, Instant now) {
        if (recipient.isDeleted()) {
            return new Composition.NothingToSend("The recipient was deleted before the mail was sent.");
        }
        Map<String, String> values = new HashMap<>();
        values.put("firstName", recipient.firstName().value());
        values.put("accountName", event.fact(EventFacts.ACCOUNT_NAME));
        values.put("accountNumber", event.fact(EventFacts.ACCOUNT_NUMBER));
        values.put("portalUrl", baseUrl);
        values.put("occurredAt", MailFormats.localTime(event.occurredAt(), recipient.timeZone(), recipient.language()));
        switch (delivery.kind()) {
            case INVITATION -> {
                if (recipient.status() != UserStatus.INVITED) {
                    return new Composition.NothingToSend("The recipient has already accepted an invitation.");
                }
                values.put("username", recipient.username().value());
                putLink(values, recipient, TokenPurpose.INVITATION, "/invitation", now);
            }
            case PASSWORD_RESET -> {
                if (recipient.status() != UserStatus.ACTIVE) {
                    return new Composition.NothingToSend("The recipient cannot sign in, so no reset is sent.");
                }
                values.put("username", recipient.username().value());
                putLink(values, recipient, TokenPurpose.PASSWORD_RESET, "/password-reset", now);
            }
            case USER_ADDED, USER_DELETED -> {
                values.put("subjectName", event.fact(EventFacts.SUBJECT_FIRST_NAME) + " "
                        + event.fact(EventFacts.SUBJECT_LAST_NAME));
                values.put("subjectUsername", event.fact(EventFacts.SUBJECT_USERNAME));
                values.put("actor", event.fact(EventFacts.ACTOR));
                values.put("usersUrl", baseUrl + "/users");
            }
            case TRANSACTION_POSTED -> TransactionMailValues.put(values, event, recipient.timeZone(),
                    recipient.language(), baseUrl);
        }
        return new Composition.Mail(new OutgoingMail(delivery.id(), delivery.kind(), recipient.language(),
                delivery.recipientEmail(),
                recipient.firstName().value() + " " + recipient.lastName().value(), values));
    }

    private void putLink(Map<String, String> values, PortalUser recipient, TokenPurpose purpose, String path,
                         Instant now) {
        String token = SecretTokens.generate();
        Instant expiresAt = now.plus(purpose.validity());
        tokens.replace(recipient.id(), purpose, SecretTokens.hash(token), expiresAt, now);
        values.put("link", baseUrl + path + "?token=" + token);
        values.put("expiresAt", MailFormats.localTime(expiresAt, recipient.timeZone(), recipient.language()));
    }
}
