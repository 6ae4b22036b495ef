package dev.billingportal.adapter.in.rest.operator;

import dev.billingportal.application.port.in.apikey.CreatedApiKey;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.operator.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", description = "A named API key of an integration (spec §11); never the key itself")
public record ApiKeyResponse(UUID id, String name,
                             @Schema(enumeration = {"support", "billing", "admin"}) String role,
                             @Schema(description = "The key's first characters, to recognise it") String prefix,
                             Instant createdAt, CreatorResponse createdBy, Instant expiresAt, Instant revokedAt,
                             @Schema(description = "The last call with it, to the minute") Instant lastUsedAt) {

    static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(key.id().value(), key.name(), key.role().code(), key.prefix(), key.createdAt(),
                CreatorResponse.of(key.createdBy()), key.expiresAt().orElse(null), key.revokedAt().orElse(null),
                key.lastUsedAt().orElse(null));
    }

    @Schema(name = "ApiKeyCreator", description = "Who created the key")
    public record CreatorResponse(@Schema(enumeration = {"operator", "api_key", "installation"}) String kind,
                                  UUID id, String name) {
        static CreatorResponse of(ActorRef actor) {
            return new CreatorResponse(actor.kind().code(), actor.id().orElse(null), actor.name());
        }
    }

    @Schema(name = "CreatedApiKey", description = "A new key: the only answer that carries it")
    public record Created(UUID id, String name,
                          @Schema(enumeration = {"support", "billing", "admin"}) String role, String prefix,
                          @Schema(description = "bpk_ and 43 characters; shown this once, stored hashed") String key,
                          Instant createdAt, Instant expiresAt) {
        static Created of(CreatedApiKey created) {
            ApiKey key = created.key();
            return new Created(key.id().value(), key.name(), key.role().code(), key.prefix(), created.secret(),
                    key.createdAt(), key.expiresAt().orElse(null));
        }

        /** Never printed: it carries the key. */
        @Override
        public String toString() {
            return "Created[" + id + ", key hidden]";
        }
    }

    @Schema(name = "ApiKeys")
    public record ListResponse(List<ApiKeyResponse> items) {
        static ListResponse of(List<ApiKey> keys) {
            return new ListResponse(keys.stream().map(ApiKeyResponse::of).toList());
        }
    }
}
