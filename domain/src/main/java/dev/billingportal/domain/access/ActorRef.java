package dev.billingportal.domain.access;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who acted, as a record keeps it (the audit log, an API key's creator): the kind, the id where the kind has one, and
 * the name at the time.
 */
public record ActorRef(ActorKind kind, Optional<UUID> id, String name) {
    public ActorRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
