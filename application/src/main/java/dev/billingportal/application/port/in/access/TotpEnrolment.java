package dev.billingportal.application.port.in.access;

import java.util.Objects;

/**
 * An authenticator secret to enrol, as the operator's app takes it: the Base32 text to type, and the {@code otpauth:}
 * URI that the console draws as a QR code. Shown during enrolment only.
 */
public record TotpEnrolment(String secretText, String provisioningUri) {
    public TotpEnrolment {
        Objects.requireNonNull(secretText, "secretText");
        Objects.requireNonNull(provisioningUri, "provisioningUri");
    }

    @Override
    public String toString() {
        return "TotpEnrolment[hidden]";
    }
}
