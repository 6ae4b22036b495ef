package dev.billingportal.application.port.in.apikey;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ApiKeyId;
import java.util.Objects;

/** An action on one API key that needs nothing more than who asks and which key. */
public record ApiKeyCommand(Actor actor, ApiKeyId key) {
    public ApiKeyCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(key, "key");
    }
}
