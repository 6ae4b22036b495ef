package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/** The provider's support contact, as the footer and the delete dialog show it. */
public record Support(String name, Optional<String> email, Optional<String> phone) {

    /** {@code mailto:} for the address, so a click opens a message to support. */
    public Optional<String> emailLink() {
        return email.map(address -> "mailto:" + address);
    }

    /** {@code tel:} with the digits and a leading {@code +} only. */
    public Optional<String> phoneLink() {
        return phone.map(number -> "tel:" + number.replaceAll("[^0-9+]", ""));
    }
}
