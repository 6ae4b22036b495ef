package dev.billingportal.application.service.apikey;

import dev.billingportal.application.port.in.apikey.ApiKeyCommand;
import dev.billingportal.application.port.in.apikey.CreateApiKeyCommand;
import dev.billingportal.application.port.in.apikey.CreateApiKeyUseCase;
import dev.billingportal.application.port.in.apikey.CreatedApiKey;
import dev.billingportal.application.port.in.apikey.ListApiKeysQuery;
import dev.billingportal.application.port.in.apikey.RevokeApiKeyUseCase;
import dev.billingportal.application.port.in.apikey.RotateApiKeyCommand;
import dev.billingportal.application.port.in.apikey.RotateApiKeyUseCase;
import dev.billingportal.application.port.out.ApiKeys;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.operator.SecurityNotices;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.access.StepUpPolicy;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.operator.ApiKey;
import dev.billingportal.domain.user.FieldChange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Named API keys (spec §11), for administrators: made with the secret shown once, rotated with a grace period for
 * the old secret, revoked at once. Making and rotating ask a person for a fresh second factor; every active
 * administrator is told of each change.
 */
public final class ApiKeyService implements CreateApiKeyUseCase, RotateApiKeyUseCase, RevokeApiKeyUseCase,
        ListApiKeysQuery {
    private final UnitOfWork unitOfWork;
    private final ApiKeys apiKeys;
    private final SecurityNotices notices;
    private final Clock clock;

    public ApiKeyService(UnitOfWork unitOfWork, ApiKeys apiKeys, SecurityNotices notices, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.apiKeys = apiKeys;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public CreatedApiKey create(CreateApiKeyCommand command) {
        Actor actor = command.actor();
        ProviderAccessPolicy.require(actor, Permission.ADMINISTER);
        Instant now = clock.instant();
        StepUpPolicy.require(actor, now);
        if (command.expiresAt().isPresent() && !command.expiresAt().get().isAfter(now)) {
            throw RuleViolation.field("expiresAt", "must be in the future");
        }
        String secret = ApiKey.newSecret();
        ApiKey key = ApiKey.create(ApiKeyId.random(), command.name(), command.role(), secret, actor.ref(),
                command.expiresAt(), now);
        unitOfWork.inTransaction(() -> {
            apiKeys.add(key, ApiKey.hash(secret), now);
            notices.record(about(key, actor, AuditAction.API_KEY_CREATED,
                    List.of(new FieldChange("role", "", key.role().code())), now), actor, now);
        });
        return new CreatedApiKey(key, secret);
    }

    @Override
    public CreatedApiKey rotate(RotateApiKeyCommand command) {
        Actor actor = command.actor();
        ProviderAccessPolicy.require(actor, Permission.ADMINISTER);
        StepUpPolicy.require(actor, clock.instant());
        String secret = ApiKey.newSecret();
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            ApiKey key = find(command.key());
            key.rotated(secret);
            apiKeys.update(key);
            apiKeys.rotate(key.id(), ApiKey.hash(secret), now, now.plus(command.grace()));
            notices.record(about(key, actor, AuditAction.API_KEY_ROTATED,
                    List.of(new FieldChange("graceHours", "", Long.toString(command.grace().toHours()))), now),
                    actor, now);
            return new CreatedApiKey(key, secret);
        });
    }

    @Override
    public void revoke(ApiKeyCommand command) {
        ProviderAccessPolicy.require(command.actor(), Permission.ADMINISTER);
        unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            ApiKey key = find(command.key());
            key.revoke(now);
            apiKeys.update(key);
            notices.record(about(key, command.actor(), AuditAction.API_KEY_REVOKED, List.of(), now),
                    command.actor(), now);
        });
    }

    @Override
    public List<ApiKey> list(Actor actor) {
        ProviderAccessPolicy.require(actor, Permission.ADMINISTER);
        return unitOfWork.inTransaction(apiKeys::all);
    }

    private ApiKey find(ApiKeyId id) {
        return apiKeys.find(id).orElseThrow(() -> new NotFound("The API key"));
    }

    private static AuditEvent about(ApiKey key, Actor actor, AuditAction action, List<FieldChange> changes,
                                    Instant now) {
        return AuditEvent.about(new AuditSubject(AuditSubject.Kind.API_KEY, key.id().value(),
                key.name() + " (" + key.prefix() + "…)"), Optional.empty(), actor, action, changes, now);
    }
}
