package dev.billingportal.domain.user;

/** {@code INVITED}: no password yet. {@code ACTIVE}: can sign in. {@code DELETED}: a tombstone. */
public enum UserStatus {
    INVITED, ACTIVE, DELETED
}
