package dev.billingportal.domain.notification;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.user.EmailAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery: an event to one recipient. At most one e-mail is ever sent for it — the record is the
 * dedup key (event id + recipient) and its status is checked under a lock before sending.
 */
public final class Delivery {
    /** Long SMTP replies are cut so that the record stays readable. */
    public static final int MAX_ERROR_LENGTH = 1000;

    private final DeliveryId id;
    private final EventId eventId;
    private final NotificationKind kind;
    private final AccountId accountId;
    private final Recipient recipient;
    private final EmailAddress recipientEmail;
    private DeliveryStatus status;
    private int attempts;
    private int stalls;
    private String lastError;
    private final Instant createdAt;
    private Instant sentAt;

    private Delivery(DeliveryId id, EventId eventId, NotificationKind kind, AccountId accountId,
                         Recipient recipient, EmailAddress recipientEmail, DeliveryStatus status,
                         int attempts, int stalls, String lastError, Instant createdAt, Instant sentAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.accountId = accountId;
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        if ((accountId == null) != (recipient instanceof Recipient.OperatorRecipient)) {
            throw new IllegalArgumentException("a portal user's delivery belongs to an account, an operator's to none");
        }
        this.recipientEmail = Objects.requireNonNull(recipientEmail, "recipientEmail");
        this.status = Objects.requireNonNull(status, "status");
        this.attempts = attempts;
        this.stalls = stalls;
        this.lastError = lastError;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.sentAt = sentAt;
    }

    /** A new delivery of {@code event} to {@code recipient}, waiting to be sent. */
    public static Delivery pending(NotificationEvent event, Recipient recipient, EmailAddress email) {
        return new Delivery(DeliveryId.random(), event.id(), event.kind(), event.accountId().orElse(null), recipient,
                email, DeliveryStatus.PENDING, 0, 0, null, event.occurredAt(), null);
    }

    public static Delivery reconstitute(DeliveryId id, EventId eventId, NotificationKind kind,
                                            Optional<AccountId> accountId, Recipient recipient,
                                            EmailAddress recipientEmail, DeliveryStatus status, int attempts,
                                            int stalls, String lastError, Instant createdAt, Instant sentAt) {
        return new Delivery(id, eventId, kind, accountId.orElse(null), recipient, recipientEmail, status, attempts, stalls,
                lastError, createdAt, sentAt);
    }

    public boolean isPending() {
        return status == DeliveryStatus.PENDING;
    }

    /** The mail server accepted the message. */
    public void sent(Instant now) {
        attempts++;
        status = DeliveryStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    /** A temporary failure: the delivery stays pending and will be retried. */
    public void attemptFailed(String error) {
        attempts++;
        lastError = truncate(error);
    }

    /** Given up: rejected for good by the mail server, out of retries, or nothing left to send. */
    public void failed(String error, boolean countsAsAttempt) {
        if (countsAsAttempt) {
            attempts++;
        }
        status = DeliveryStatus.FAILED;
        lastError = truncate(error);
    }

    /** An operator re-drives a failed delivery: it is pending again and keeps its attempt count. */
    public void retry() {
        if (status != DeliveryStatus.FAILED) {
            throw new StateConflict("notification-not-failed",
                    "Only a failed notification can be retried.");
        }
        status = DeliveryStatus.PENDING;
    }

    /**
     * Found pending with nothing of it in flight — its message dead-lettered by the broker after handling kept
     * crashing (the database down, say), or lost with a broker's journal. It is queued again, at most
     * {@code maxStalls} times; after that it is given up, so that every delivery ends SENT or FAILED.
     *
     * @return whether to queue it again (otherwise it is now FAILED)
     */
    public boolean stalled(int maxStalls) {
        if (status != DeliveryStatus.PENDING) {
            throw new StateConflict("notification-not-pending", "Only a pending notification can stall.");
        }
        if (stalls >= maxStalls) {
            status = DeliveryStatus.FAILED;
            lastError = truncate("Stalled: queued " + (stalls + 1) + " times and never settled"
                    + (lastError == null ? "" : "; last error: " + lastError));
            return false;
        }
        stalls++;
        return true;
    }

    private static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    public DeliveryId id() {
        return id;
    }

    public EventId eventId() {
        return eventId;
    }

    public NotificationKind kind() {
        return kind;
    }

    /** The account of a portal user's delivery; none for an operator's. */
    public Optional<AccountId> accountId() {
        return Optional.ofNullable(accountId);
    }

    public Recipient recipient() {
        return recipient;
    }

    public EmailAddress recipientEmail() {
        return recipientEmail;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    /** How many times it was found stalled and queued again. */
    public int stalls() {
        return stalls;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
