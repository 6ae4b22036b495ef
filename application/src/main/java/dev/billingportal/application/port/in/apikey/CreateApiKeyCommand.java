package dev.billingportal.application.port.in.apikey;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.common.Dates;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.operator.ApiKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An administrator makes a named key for an integration (spec §11): its name, role and, if it should, expiry. */
public record CreateApiKeyCommand(Actor actor, String name, OperatorRole role, Optional<Instant> expiresAt) {
    public CreateApiKeyCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static CreateApiKeyCommand of(Actor actor, String name, String role, String expiresAt) {
        FieldChecks checks = FieldChecks.start();
        String keyName = checks.required("name", name, ApiKey::name);
        OperatorRole keyRole = checks.required("role", role, OperatorRole::parse);
        Optional<Instant> expiry = checks.optional("expiresAt", expiresAt, Dates::instant);
        checks.orThrow();
        return new CreateApiKeyCommand(actor, keyName, keyRole, expiry);
    }
}
