package dev.billingportal.adapter.in.rest.operator;

import dev.billingportal.domain.operator.Operator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Operator", description = "A person of the provider's billing team (spec §11)")
public record OperatorResponse(UUID id, String email, String name,
                               @Schema(enumeration = {"support", "billing", "admin"}) String role,
                               @Schema(enumeration = {"INVITED", "ACTIVE", "DISABLED"}) String status,
                               @Schema(enumeration = {"en-CA", "fr-CA"}) String language,
                               String timeZone,
                               @Schema(description = "Whether an authenticator is enrolled") boolean secondFactor,
                               Instant lastSignInAt, Instant createdAt) {

    static OperatorResponse of(Operator operator) {
        return new OperatorResponse(operator.id().value(), operator.email().value(), operator.name().value(),
                operator.role().code(), operator.status().name(), operator.language().tag(),
                operator.timeZone().getId(), operator.hasSecondFactor(), operator.lastSignInAt().orElse(null),
                operator.createdAt());
    }

    @Schema(name = "Operators")
    public record ListResponse(List<OperatorResponse> items) {
        static ListResponse of(List<Operator> operators) {
            return new ListResponse(operators.stream().map(OperatorResponse::of).toList());
        }
    }
}
