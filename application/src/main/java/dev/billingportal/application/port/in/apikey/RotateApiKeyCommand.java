package dev.billingportal.application.port.in.apikey;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.operator.ApiKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A new secret for a key, the old one accepted for {@code grace} more (spec §11: 24 hours unless said, ≤ 168). */
public record RotateApiKeyCommand(Actor actor, ApiKeyId key, Duration grace) {
    public RotateApiKeyCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(grace, "grace");
    }

    public static RotateApiKeyCommand of(Actor actor, ApiKeyId key, Integer graceHours) {
        FieldChecks checks = FieldChecks.start();
        Duration grace = checks.rule("graceHours", () -> ApiKey.grace(Optional.ofNullable(graceHours)));
        checks.orThrow();
        return new RotateApiKeyCommand(actor, key, grace);
    }
}
