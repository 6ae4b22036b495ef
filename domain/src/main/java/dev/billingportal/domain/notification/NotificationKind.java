package dev.billingportal.domain.notification;

/**
 * Why a portal user is e-mailed. The first three are billing notifications (spec §6): they go to users
 * who switched them on. Invitations and password resets use the same pipeline but ignore the flag.
 */
public enum NotificationKind {
    TRANSACTION_POSTED(true),
    USER_ADDED(true),
    USER_DELETED(true),
    INVITATION(false),
    PASSWORD_RESET(false);

    private final boolean billingNotification;

    NotificationKind(boolean billingNotification) {
        this.billingNotification = billingNotification;
    }

    public boolean isBillingNotification() {
        return billingNotification;
    }
}
