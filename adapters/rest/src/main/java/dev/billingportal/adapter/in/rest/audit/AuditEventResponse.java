package dev.billingportal.adapter.in.rest.audit;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent", description = "Who did what to whom, and when; for edits each field before and after.")
public record AuditEventResponse(UUID id, Instant occurredAt,
                                 @Schema(example = "USER_EDITED") String action,
                                 ActorResponse actor, SubjectResponse subject, List<ChangeResponse> changes) {

    @Schema(name = "AuditActor")
    public record ActorResponse(@Schema(enumeration = {"OPERATOR", "PORTAL_USER", "SYSTEM"}) String type,
                                UUID userId, String label) {
    }

    @Schema(name = "AuditSubject")
    public record SubjectResponse(UUID userId, String username) {
    }

    @Schema(name = "AuditChange")
    public record ChangeResponse(String field, String before, String after) {
    }

    @Schema(name = "AuditEventPage")
    public record PageResponse(List<AuditEventResponse> items, String nextCursor) {
        public static PageResponse of(Page<AuditEvent> page) {
            return new PageResponse(page.items().stream().map(AuditEventResponse::of).toList(),
                    page.nextCursor().orElse(null));
        }
    }

    static AuditEventResponse of(AuditEvent event) {
        ActorResponse actor = switch (event.actor()) {
            case Actor.Operator operator -> new ActorResponse("OPERATOR", null, operator.label());
            case Actor.System system -> new ActorResponse("SYSTEM", null, system.label());
            case Actor.PortalUserActor user -> new ActorResponse("PORTAL_USER", user.userId().value(), user.label());
        };
        SubjectResponse subject = event.subjectUserId() == null ? null
                : new SubjectResponse(event.subjectUserId().value(), event.subjectUsername());
        return new AuditEventResponse(event.id(), event.occurredAt(), event.action().name(), actor, subject,
                event.changes().stream().map(c -> new ChangeResponse(c.field(), c.before(), c.after())).toList());
    }
}
