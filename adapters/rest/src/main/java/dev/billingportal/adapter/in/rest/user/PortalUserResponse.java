package dev.billingportal.adapter.in.rest.user;

import dev.billingportal.domain.user.PortalUser;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PortalUser", description = "A person at the customer company who may use the portal.")
public record PortalUserResponse(
        UUID id,
        UUID accountId,
        @Schema(description = "Sign-in name; unique portal-wide in any letter case; immutable.") String username,
        String email,
        String firstName,
        String lastName,
        @Schema(description = "IANA time zone id", example = "America/Toronto") String timeZone,
        boolean billingNotifications,
        @Schema(enumeration = {"en-CA", "fr-CA"}, description = "The language of the user's pages and e-mails")
        String language,
        @Schema(enumeration = {"INVITED", "ACTIVE", "DELETED"}) String status,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Set while the user is deleted (operators see deleted users).") Instant deletedAt,
        @Schema(description = "Optimistic-concurrency version; the ETag carries it.") long version) {

    public static PortalUserResponse of(PortalUser user) {
        return new PortalUserResponse(user.id().value(), user.accountId().value(), user.username().value(),
                user.email().value(), user.firstName().value(), user.lastName().value(), user.timeZone().getId(),
                user.billingNotifications(), user.language().tag(), user.status().name(), user.createdAt(),
                user.updatedAt(),
                user.deletedAt(), user.version());
    }
}
