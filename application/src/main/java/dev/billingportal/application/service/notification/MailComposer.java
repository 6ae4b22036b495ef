package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.OutgoingMail;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.OperatorStatus;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.UserStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides what a delivery's e-mail says, for its recipient as they are now — a portal user, or an operator of the
 * provider. Invitation and reset tokens are made here, at sending time, so that the plain token exists only inside
 * the mail.
 */
public final class MailComposer {
    private final OneTimeTokens<PortalUserId> tokens;
    private final OneTimeTokens<OperatorId> operatorTokens;
    private final String baseUrl;

    public MailComposer(OneTimeTokens<PortalUserId> tokens, OneTimeTokens<OperatorId> operatorTokens, String baseUrl) {
        this.tokens = tokens;
        this.operatorTokens = operatorTokens;
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
            case WEBHOOK_ENDPOINT_DISABLED -> {
                WebhookDisabledWords.put(values, event, recipient.timeZone(), recipient.language());
                values.put("webhooksUrl", baseUrl + "/webhooks");
            }
            case OPERATOR_INVITATION, OPERATOR_PASSWORD_RESET, SECURITY_NOTICE, PROVIDER_WEBHOOK_DISABLED ->
                    throw new IllegalStateException(delivery.kind() + " is for operators, not portal users");
        }
        return new Composition.Mail(new OutgoingMail(delivery.id(), delivery.kind(), recipient.language(),
                delivery.recipientEmail(),
                recipient.firstName().value() + " " + recipient.lastName().value(), values));
    }

    /** The same for an operator of the provider (spec §11): console links, in the operator's language and zone. */
    public Composition compose(Delivery delivery, NotificationEvent event, Operator recipient, Instant now) {
        if (recipient.status() == OperatorStatus.DISABLED) {
            return new Composition.NothingToSend("The operator was disabled before the mail was sent.");
        }
        Map<String, String> values = new HashMap<>();
        values.put("name", recipient.name().value());
        values.put("consoleUrl", baseUrl + "/console");
        values.put("occurredAt", MailFormats.localTime(event.occurredAt(), recipient.timeZone(), recipient.language()));
        values.put("email", recipient.email().value());
        switch (delivery.kind()) {
            case OPERATOR_INVITATION -> {
                if (recipient.status() != OperatorStatus.INVITED) {
                    return new Composition.NothingToSend("The operator has already accepted an invitation.");
                }
                values.put("actor", event.fact(EventFacts.ACTOR));
                values.put("role", recipient.role().code());
                putLink(values, operatorTokens, recipient.id(), TokenPurpose.INVITATION, "/console/invitation",
                        recipient.timeZone(), recipient.language(), now);
            }
            case OPERATOR_PASSWORD_RESET -> {
                if (!recipient.canSignIn()) {
                    return new Composition.NothingToSend("The operator cannot sign in, so no reset is sent.");
                }
                putLink(values, operatorTokens, recipient.id(), TokenPurpose.PASSWORD_RESET, "/console/password-reset",
                        recipient.timeZone(), recipient.language(), now);
            }
            case SECURITY_NOTICE -> {
                values.put("what", SecurityNoticeWords.of(event.fact(EventFacts.SECURITY_ACTION), recipient.language()));
                values.put("subject", event.fact(EventFacts.SECURITY_SUBJECT));
                values.put("actor", event.fact(EventFacts.ACTOR));
            }
            case PROVIDER_WEBHOOK_DISABLED -> {
                WebhookDisabledWords.put(values, event, recipient.timeZone(), recipient.language());
                values.put("webhooksUrl", baseUrl + "/console/webhooks");
            }
            default -> throw new IllegalStateException(delivery.kind() + " is for portal users, not operators");
        }
        return new Composition.Mail(new OutgoingMail(delivery.id(), delivery.kind(), recipient.language(),
                delivery.recipientEmail(), recipient.name().value(), values));
    }

    private void putLink(Map<String, String> values, PortalUser recipient, TokenPurpose purpose, String path,
                         Instant now) {
        putLink(values, tokens, recipient.id(), purpose, path, recipient.timeZone(), recipient.language(), now);
    }

    private <O> void putLink(Map<String, String> values, OneTimeTokens<O> store, O owner, TokenPurpose purpose,
                             String path, ZoneId zone, Language language, Instant now) {
        String token = SecretTokens.generate();
        Instant expiresAt = now.plus(purpose.validity());
        store.replace(owner, purpose, SecretTokens.hash(token), expiresAt, now);
        values.put("link", baseUrl + path + "?token=" + token);
        values.put("expiresAt", MailFormats.localTime(expiresAt, zone, language));
    }
}
