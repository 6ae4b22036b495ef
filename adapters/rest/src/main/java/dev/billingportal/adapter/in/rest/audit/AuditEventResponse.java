package dev.billingportal.adapter.in.rest.audit;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.audit.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent", description = "Who did what to whom, and when; for edits each field before and after; "
        + "why, for the provider's sensitive actions; the factor a sign-in used.")
public record AuditEventResponse(UUID id, Instant occurredAt,
                                 @Schema(example = "USER_EDITED") String action,
                                 @Schema(description = "The account it happened on, if any") UUID accountId,
                                 ActorResponse actor, SubjectResponse subject, List<ChangeResponse> changes,
                                 @Schema(description = "The reason given (provider's audit only)") String reason,
                                 @Schema(enumeration = {"password", "totp", "recovery_code", "passkey"},
                                         description = "The factor a sign-in or step-up used") String factor) {

    @Schema(name = "AuditActor", description = "Who acted. A customer's audit names the provider's side by its "
            + "support name, with no id.")
    public record ActorResponse(
            @Schema(enumeration = {"PORTAL_USER", "OPERATOR", "API_KEY", "INSTALLATION", "SYSTEM"}) String type,
            @Schema(enumeration = {"portal_user", "operator", "api_key", "installation", "system"}) String kind,
            @Schema(description = "The portal user's, operator's or key's id") UUID id,
            @Schema(description = "A portal user's id (as id; kept for older clients)") UUID userId,
            String label) {
    }

    @Schema(name = "AuditSubject", description = "What it was done to")
    public record SubjectResponse(
            @Schema(enumeration = {"portal_user", "operator", "api_key", "account", "transaction", "notification",
                    "webhook_endpoint"})
            String type,
            UUID id, String label,
            @Schema(description = "A portal user's id (as id; kept for older clients)") UUID userId,
            @Schema(description = "A portal user's username (as label; kept for older clients)") String username) {
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
        ActorKind kind = event.actor().kind();
        UUID actorId = event.actor().id().orElse(null);
        ActorResponse actor = new ActorResponse(kind.name(), kind.code(), actorId,
                kind == ActorKind.PORTAL_USER ? actorId : null, event.actor().name());
        SubjectResponse subject = event.subject().map(AuditEventResponse::subject).orElse(null);
        return new AuditEventResponse(event.id(), event.occurredAt(), event.action().name(),
                event.accountId().map(AccountId::value).orElse(null), actor, subject,
                event.changes().stream().map(c -> new ChangeResponse(c.field(), c.before(), c.after())).toList(),
                event.reason().map(Reason::value).orElse(null),
                event.factor().map(factor -> factor.name().toLowerCase(Locale.ROOT)).orElse(null));
    }

    private static SubjectResponse subject(AuditSubject subject) {
        boolean user = subject.kind() == AuditSubject.Kind.PORTAL_USER;
        return new SubjectResponse(subject.kind().code(), subject.id(), subject.label(), user ? subject.id() : null,
                user ? subject.label() : null);
    }
}
