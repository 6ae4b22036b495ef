package dev.billingportal.domain.notification;

/**
 * Why someone is e-mailed. The first three are billing notifications (spec §6): they go to portal users who switched
 * them on. Invitations and password resets use the same pipeline but ignore the flag. The last three are the
 * provider's own mails to its operators (spec §11): an invitation, a password reset, and the security notices every
 * active administrator receives.
 */
public enum NotificationKind {
    TRANSACTION_POSTED(true, false),
    USER_ADDED(true, false),
    USER_DELETED(true, false),
    INVITATION(false, false),
    PASSWORD_RESET(false, false),
    OPERATOR_INVITATION(false, true),
    OPERATOR_PASSWORD_RESET(false, true),
    SECURITY_NOTICE(false, true),
    /** An account's webhook endpoint was turned off (410 Gone, or five days of failures): its users are told. */
    WEBHOOK_ENDPOINT_DISABLED(true, false),
    /** One of the provider's webhook endpoints was turned off: its administrators are told. */
    PROVIDER_WEBHOOK_DISABLED(false, true);

    private final boolean billingNotification;
    private final boolean forOperators;

    NotificationKind(boolean billingNotification, boolean forOperators) {
        this.billingNotification = billingNotification;
        this.forOperators = forOperators;
    }

    public boolean isBillingNotification() {
        return billingNotification;
    }

    /** Whether it goes to the provider's operators (and belongs to no account). */
    public boolean isForOperators() {
        return forOperators;
    }
}
