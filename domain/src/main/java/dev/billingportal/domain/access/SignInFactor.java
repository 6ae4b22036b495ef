package dev.billingportal.domain.access;

import java.util.Locale;

/** What someone proved in a step of signing in (or of a step-up); the provider's audit names it (spec §11). */
public enum SignInFactor {
    PASSWORD, TOTP, RECOVERY_CODE, PASSKEY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
