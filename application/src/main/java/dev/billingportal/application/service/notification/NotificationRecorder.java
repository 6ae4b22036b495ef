package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.EventFacts;
import dev.billingportal.domain.notification.EventId;
import dev.billingportal.domain.notification.NotificationEvent;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.notification.RecipientPolicy;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records notification events in the caller's unit of work (the transactional outbox), with their
 * recipients fixed at that moment, and nudges the relay once the unit commits.
 */
public final class NotificationRecorder {
    private final Deliveries notifications;
    private final UnitOfWork unitOfWork;
    private final Runnable relayWakeUp;

    public NotificationRecorder(Deliveries notifications, UnitOfWork unitOfWork, Runnable relayWakeUp) {
        this.notifications = notifications;
        this.unitOfWork = unitOfWork;
        this.relayWakeUp = relayWakeUp;
    }

    /** An invitation to {@code user}; the token itself is made when the mail is sent. */
    public void invitation(Account account, PortalUser user, Instant now) {
        toOneUser(NotificationKind.INVITATION, account, user, now);
    }

    /** A password-reset mail to {@code user}; the token itself is made when the mail is sent. */
    public void passwordReset(Account account, PortalUser user, Instant now) {
        toOneUser(NotificationKind.PASSWORD_RESET, account, user, now);
    }

    /**
     * A billing notification to the account's users who have them on, except {@code subject} (the user
     * the event is about). {@code accountUsers} must be read in the same unit of work.
     */
    public void billing(NotificationKind kind, Account account, Map<String, String> facts,
                        Optional<PortalUserId> subject, Collection<PortalUser> accountUsers, Instant now) {
        billing(kind, account, facts, subject, accountUsers, Optional.empty(), now);
    }

    /** The same, caused by {@code billRun}'s posting when there is one: the mails then wait for the run. */
    public void billing(NotificationKind kind, Account account, Map<String, String> facts,
                        Optional<PortalUserId> subject, Collection<PortalUser> accountUsers,
                        Optional<BillRunId> billRun, Instant now) {
        if (!kind.isBillingNotification()) {
            throw new IllegalArgumentException(kind + " is not a billing notification");
        }
        NotificationEvent event = new NotificationEvent(EventId.random(), kind, Optional.of(account.id()), now,
                withAccount(account, facts));
        List<Delivery> deliveries = RecipientPolicy.billingRecipients(accountUsers, subject).stream()
                .map(recipient -> Delivery.pending(event, Recipient.of(recipient.id()), recipient.email()))
                .toList();
        if (billRun.isEmpty()) {
            record(event, deliveries);
            return;
        }
        notifications.record(event, deliveries, billRun); // waits for the run: no relay to wake now
    }

    private void toOneUser(NotificationKind kind, Account account, PortalUser user, Instant now) {
        Map<String, String> facts = new HashMap<>();
        facts.put(EventFacts.SUBJECT_USER_ID, user.id().toString());
        facts.put(EventFacts.SUBJECT_USERNAME, user.username().value());
        NotificationEvent event = new NotificationEvent(EventId.random(), kind, Optional.of(account.id()), now,
                withAccount(account, facts));
        record(event, List.of(Delivery.pending(event, Recipient.of(user.id()), user.email())));
    }

    /** An invitation to join the provider's console; the token itself is made when the mail is sent. */
    public void operatorInvitation(Operator operator, Actor invitedBy, Instant now) {
        toOperators(NotificationKind.OPERATOR_INVITATION, Map.of(EventFacts.ACTOR, invitedBy.label()),
                List.of(operator), now);
    }

    /** A console password-reset mail to {@code operator}; the token itself is made when the mail is sent. */
    public void operatorPasswordReset(Operator operator, Instant now) {
        toOperators(NotificationKind.OPERATOR_PASSWORD_RESET, Map.of(), List.of(operator), now);
    }

    /**
     * A security notice (spec §11) to the active administrators: {@code what} was done to {@code subject} by
     * {@code actor}. {@code admins} must be read in the same unit of work.
     */
    public void securityNotice(AuditAction what, String subject, Actor actor, Collection<Operator> admins,
                               Instant now) {
        toOperators(NotificationKind.SECURITY_NOTICE, Map.of(EventFacts.SECURITY_ACTION, what.name(),
                EventFacts.SECURITY_SUBJECT, subject, EventFacts.ACTOR, actor.label()), admins, now);
    }

    /**
     * An account's webhook endpoint was turned off: its users with billing notifications on are told (spec §13).
     * {@code accountUsers} must be read in the same unit of work.
     */
    public void webhookEndpointDisabled(Account account, WebhookEndpoint endpoint, Collection<PortalUser> accountUsers,
                                        Instant now) {
        billing(NotificationKind.WEBHOOK_ENDPOINT_DISABLED, account, webhookFacts(endpoint), Optional.empty(),
                accountUsers, now);
    }

    /** One of the provider's webhook endpoints was turned off: its active administrators are told. */
    public void providerWebhookDisabled(WebhookEndpoint endpoint, Collection<Operator> admins, Instant now) {
        toOperators(NotificationKind.PROVIDER_WEBHOOK_DISABLED, webhookFacts(endpoint), admins, now);
    }

    private static Map<String, String> webhookFacts(WebhookEndpoint endpoint) {
        Map<String, String> facts = new HashMap<>();
        facts.put(EventFacts.WEBHOOK_ENDPOINT, endpoint.url().shown());
        facts.put(EventFacts.WEBHOOK_DISABLED, endpoint.disabled().map(Enum::name).orElseThrow());
        endpoint.failingSince().ifPresent(since -> facts.put(EventFacts.WEBHOOK_FAILING_SINCE, since.toString()));
        return facts;
    }

    private void toOperators(NotificationKind kind, Map<String, String> facts, Collection<Operator> operators,
                             Instant now) {
        NotificationEvent event = new NotificationEvent(EventId.random(), kind, Optional.empty(), now, facts);
        record(event, operators.stream()
                .map(operator -> Delivery.pending(event, Recipient.of(operator.id()), operator.email()))
                .toList());
    }

    private void record(NotificationEvent event, List<Delivery> deliveries) {
        notifications.record(event, deliveries);
        if (!deliveries.isEmpty()) {
            unitOfWork.afterCommit(relayWakeUp);
        }
    }

    private static Map<String, String> withAccount(Account account, Map<String, String> facts) {
        Map<String, String> all = new HashMap<>(facts);
        all.put(EventFacts.ACCOUNT_NAME, account.name().value());
        all.put(EventFacts.ACCOUNT_NUMBER, account.number().value());
        return all;
    }
}
