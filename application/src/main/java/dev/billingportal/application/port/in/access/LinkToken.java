package dev.billingportal.application.port.in.access;

import dev.billingportal.domain.access.TokenPurpose;
import java.util.Objects;

/** The token of an e-mailed link, and what the link is for. */
public record LinkToken(String token, TokenPurpose purpose) {
    public LinkToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public String toString() {
        return "LinkToken[hidden, " + purpose + "]";
    }
}
