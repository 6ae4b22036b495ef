package dev.billingportal.application.port.in.apikey;

import dev.billingportal.domain.operator.ApiKey;
import java.util.Objects;

/** A key just made or rotated, with its secret — the only time the secret is ever seen. */
public record CreatedApiKey(ApiKey key, String secret) {
    public CreatedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    /** Never printed: the secret is a credential. */
    @Override
    public String toString() {
        return "CreatedApiKey[" + key.id() + ", secret hidden]";
    }
}
