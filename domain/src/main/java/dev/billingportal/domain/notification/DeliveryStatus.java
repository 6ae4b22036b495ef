package dev.billingportal.domain.notification;

/** {@code PENDING} until the mail server accepts it ({@code SENT}) or delivery is given up ({@code FAILED}). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
