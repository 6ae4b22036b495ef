package dev.billingportal.domain.audit;

/** What the audit log records (spec §3 rule 7): changes to portal users, and signing in. */
public enum AuditAction {
    USER_ADDED,
    USER_EDITED,
    USER_DELETED,
    USER_RESTORED,
    USER_REINVITED,
    INVITATION_ACCEPTED,
    SIGNED_IN,
    SIGN_IN_FAILED,
    SIGNED_OUT,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET
}
