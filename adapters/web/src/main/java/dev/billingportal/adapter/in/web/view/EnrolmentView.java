package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/**
 * Enrolling an authenticator app: the secret as a QR code drawn here (SVG, no outside service) and as text in groups
 * of four, and the field for the code that confirms it.
 */
public record EnrolmentView(Chrome chrome, String action, String qrCodeSvg, String secretText,
                            Optional<String> error) {

    /** The Base32 secret in groups of four, as people copy it (the apps ignore the spaces). */
    public String secretGrouped() {
        return secretText.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
