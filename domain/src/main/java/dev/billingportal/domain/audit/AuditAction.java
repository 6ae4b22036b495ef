package dev.billingportal.domain.audit;

/**
 * What the audit log records. The customer's audit (spec §3 rule 7) shows what was done to and by the account's portal
 * users; the provider's audit (spec §11) shows everything the provider's side did, and what happened to operators and
 * keys — whoever did it.
 */
public enum AuditAction {
    USER_ADDED(Audience.CUSTOMER),
    USER_EDITED(Audience.CUSTOMER),
    USER_DELETED(Audience.CUSTOMER),
    USER_RESTORED(Audience.CUSTOMER),
    USER_REINVITED(Audience.CUSTOMER),
    /** Support ended a portal user's sessions (a lost laptop, a departure). */
    USER_SESSIONS_ENDED(Audience.CUSTOMER),
    INVITATION_ACCEPTED(Audience.CUSTOMER),
    SIGNED_IN(Audience.CUSTOMER),
    SIGN_IN_FAILED(Audience.CUSTOMER),
    SIGNED_OUT(Audience.CUSTOMER),
    PASSWORD_RESET_REQUESTED(Audience.CUSTOMER),
    PASSWORD_RESET(Audience.CUSTOMER),
    /** A webhook endpoint was added, changed (address, subscription, on or off), removed, or given a new secret. */
    WEBHOOK_ENDPOINT_ADDED(Audience.CUSTOMER),
    WEBHOOK_ENDPOINT_CHANGED(Audience.CUSTOMER),
    WEBHOOK_ENDPOINT_REMOVED(Audience.CUSTOMER),
    WEBHOOK_SECRET_ROTATED(Audience.CUSTOMER),

    ACCOUNT_CREATED(Audience.PROVIDER),
    TRANSACTION_POSTED(Audience.PROVIDER),
    /** A bill run's file was sent and checked (spec §14); each line it posts is a TRANSACTION_POSTED of its own. */
    BILL_RUN_SUBMITTED(Audience.PROVIDER),
    NOTIFICATION_RETRIED(Audience.PROVIDER),
    /** An operator sent a failed webhook message again from the billing team's list. */
    WEBHOOK_MESSAGE_RETRIED(Audience.PROVIDER),

    OPERATOR_INVITED(Audience.PROVIDER),
    OPERATOR_REINVITED(Audience.PROVIDER),
    OPERATOR_INVITATION_ACCEPTED(Audience.PROVIDER),
    OPERATOR_SIGNED_IN(Audience.PROVIDER),
    OPERATOR_SIGN_IN_FAILED(Audience.PROVIDER),
    OPERATOR_SIGNED_OUT(Audience.PROVIDER),
    OPERATOR_STEPPED_UP(Audience.PROVIDER),
    OPERATOR_ROLE_CHANGED(Audience.PROVIDER),
    OPERATOR_DISABLED(Audience.PROVIDER),
    OPERATOR_TOTP_ENROLLED(Audience.PROVIDER),
    OPERATOR_RECOVERY_CODES_CREATED(Audience.PROVIDER),
    OPERATOR_RECOVERY_CODE_USED(Audience.PROVIDER),
    OPERATOR_PASSKEY_REGISTERED(Audience.PROVIDER),
    OPERATOR_PASSKEY_REMOVED(Audience.PROVIDER),
    OPERATOR_SECOND_FACTOR_RESET(Audience.PROVIDER),
    OPERATOR_PASSWORD_RESET_REQUESTED(Audience.PROVIDER),
    OPERATOR_PASSWORD_RESET(Audience.PROVIDER),
    OPERATOR_PASSWORD_CHANGED(Audience.PROVIDER),
    OPERATOR_LANGUAGE_CHANGED(Audience.PROVIDER),

    API_KEY_CREATED(Audience.PROVIDER),
    API_KEY_ROTATED(Audience.PROVIDER),
    API_KEY_REVOKED(Audience.PROVIDER);

    /** Whose audit an action belongs to by nature; the provider also sees whatever its own side did. */
    enum Audience {
        CUSTOMER, PROVIDER
    }

    private final Audience audience;

    AuditAction(Audience audience) {
        this.audience = audience;
    }

    /** Whether the account's own audit shows it (when it happened on an account). */
    public boolean concernsCustomers() {
        return audience == Audience.CUSTOMER;
    }

    /** Whether the provider's audit shows it whoever acted. */
    public boolean concernsProvider() {
        return audience == Audience.PROVIDER;
    }
}
