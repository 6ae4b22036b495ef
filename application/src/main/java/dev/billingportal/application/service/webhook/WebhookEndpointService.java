package dev.billingportal.application.service.webhook;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.webhook.CreatedWebhookEndpoint;
import dev.billingportal.application.port.in.webhook.ManageWebhookEndpointsUseCase;
import dev.billingportal.application.port.in.webhook.WebhookEndpointInput;
import dev.billingportal.application.port.in.webhook.WebhookEndpointsQuery;
import dev.billingportal.application.port.in.webhook.WebhookMessageDetail;
import dev.billingportal.application.port.in.webhook.WebhookStatsQuery;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.port.out.WebhookEndpoints;
import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.application.port.out.WebhookPayloads;
import dev.billingportal.application.port.out.WebhookSender;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.access.StepUpPolicy;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookEventType;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.domain.webhook.WebhookSecret;
import dev.billingportal.domain.webhook.WebhookUrl;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoints of an account, managed by its own portal users and read by the provider's side, and the provider's
 * endpoints, which its administrators manage (spec §13, §11's table). An endpoint is found only under its owner: an
 * account's endpoint asked for under another account, or under the provider's path, is not found.
 */
public final class WebhookEndpointService implements ManageWebhookEndpointsUseCase, WebhookEndpointsQuery,
        WebhookStatsQuery {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final WebhookEndpoints endpoints;
    private final WebhookMessages messages;
    private final WebhookPayloads payloads;
    private final WebhookSender sender;
    private final AuditLog auditLog;
    private final Runnable relayWakeUp;
    private final Clock clock;
    private final SecureRandom random;
    private final Set<String> insecureHosts;

    /** @param insecureHosts the hosts plain {@code http} may go to ({@code portal.webhooks.insecure-hosts}) */
    public WebhookEndpointService(UnitOfWork unitOfWork, Accounts accounts, WebhookEndpoints endpoints,
                                  WebhookMessages messages, WebhookPayloads payloads, WebhookSender sender,
                                  AuditLog auditLog, Runnable relayWakeUp, Clock clock, SecureRandom random,
                                  Set<String> insecureHosts) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.endpoints = endpoints;
        this.messages = messages;
        this.payloads = payloads;
        this.sender = sender;
        this.auditLog = auditLog;
        this.relayWakeUp = relayWakeUp;
        this.clock = clock;
        this.random = random;
        this.insecureHosts = Set.copyOf(insecureHosts);
    }

    /** What the caller means to do: read, manage (add, change, remove, rotate), or send (a test, a resend). */
    private enum Use { READ, MANAGE, SEND }

    private void require(Actor actor, Optional<AccountId> account, Use use) {
        if (account.isEmpty()) {
            ProviderAccessPolicy.require(actor, Permission.ADMINISTER);
            if (use == Use.MANAGE) {
                // A provider endpoint hears every account: adding or changing one is as sensitive as an API key.
                StepUpPolicy.require(actor, clock.instant());
            }
            return;
        }
        switch (use) {
            case READ -> AccountAccessPolicy.require(actor, account.get());
            case MANAGE -> AccountAccessPolicy.requireCustomer(actor, account.get());
            case SEND -> AccountAccessPolicy.requireToAct(actor, account.get(), Permission.ASSIST_CUSTOMERS);
        }
    }

    @Override
    public CreatedWebhookEndpoint create(Actor actor, Optional<AccountId> account, WebhookEndpointInput input) {
        require(actor, account, Use.MANAGE);
        FieldChecks checks = FieldChecks.start();
        checks.required("url", input.url(), WebhookEndpointService::wellFormed);
        String description = checks.rule("description", () -> WebhookEndpoint.checkedDescription(input.description()));
        Set<String> types = checks.rule("eventTypes", () -> WebhookEndpoint.checkedEventTypes(input.eventTypes() == null
                ? null : new LinkedHashSet<>(input.eventTypes())));
        checks.orThrow();
        WebhookUrl url = allowed(input.url());
        WebhookSecret secret = WebhookSecret.generate(random);
        Instant now = clock.instant();
        WebhookEndpoint endpoint = WebhookEndpoint.create(account, url, description, types, secret, now);
        if (input.enabled() != null && !input.enabled()) {
            endpoint.update(url, description, types, false);
        }
        unitOfWork.inTransaction(() -> {
            account.ifPresent(id -> accounts.find(id).orElseThrow(() -> new NotFound("The account")));
            if (!endpoints.add(endpoint)) {
                throw RuleViolation.field("url", "cannot be added: "
                        + (account.isPresent() ? "an account" : "the provider")
                        + " has at most " + WebhookEndpoint.MAX_PER_ACCOUNT + " endpoints");
            }
            audit(endpoint, actor, AuditAction.WEBHOOK_ENDPOINT_ADDED, now);
        });
        return new CreatedWebhookEndpoint(endpoint, secret);
    }

    /** A URL's shape: malformed is a 400 with the other fields' errors; what the rules refuse comes after. */
    private static String wellFormed(String text) {
        if (!WebhookUrl.wellFormed(text)) {
            throw new InvalidValue("is not a URL");
        }
        return text;
    }

    /**
     * The rules of spec §13 for a well-formed URL, each refusal a 422 naming its reason: https only (http to the listed
     * hosts), no user-info, and — the host resolved now — every address allowed.
     */
    private WebhookUrl allowed(String text) {
        WebhookUrl url;
        try {
            url = WebhookUrl.parse(text, insecureHosts);
        } catch (InvalidValue refused) {
            throw RuleViolation.field("url", refused.getMessage());
        }
        Optional<String> refused = sender.refusal(url);
        if (refused.isPresent()) {
            throw RuleViolation.field("url", refused.get());
        }
        return url;
    }

    @Override
    public WebhookEndpoint update(Actor actor, Optional<AccountId> account, WebhookEndpointId id,
                                  WebhookEndpointInput input) {
        require(actor, account, Use.MANAGE);
        FieldChecks checks = FieldChecks.start();
        checks.optional("url", input.url(), WebhookEndpointService::wellFormed);
        Optional<String> description = input.description() == null ? Optional.empty()
                : Optional.ofNullable(checks.rule("description",
                () -> WebhookEndpoint.checkedDescription(input.description())));
        Optional<Set<String>> types = input.eventTypes() == null ? Optional.empty()
                : Optional.ofNullable(checks.rule("eventTypes",
                () -> WebhookEndpoint.checkedEventTypes(new LinkedHashSet<>(input.eventTypes()))));
        checks.orThrow();
        Optional<WebhookUrl> url = Optional.ofNullable(input.url()).map(this::allowed);
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = owned(account, endpoints.lock(id));
            endpoint.update(url.orElse(endpoint.url()), description.orElse(endpoint.description()),
                    types.orElse(endpoint.eventTypes()), input.enabled() == null ? endpoint.enabled()
                            : input.enabled());
            endpoints.update(endpoint);
            audit(endpoint, actor, AuditAction.WEBHOOK_ENDPOINT_CHANGED, now);
            return endpoint;
        });
    }

    @Override
    public void delete(Actor actor, Optional<AccountId> account, WebhookEndpointId id) {
        require(actor, account, Use.MANAGE);
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = owned(account, endpoints.lock(id));
            endpoints.remove(id);
            audit(endpoint, actor, AuditAction.WEBHOOK_ENDPOINT_REMOVED, now);
        });
    }

    @Override
    public WebhookSecret rotateSecret(Actor actor, Optional<AccountId> account, WebhookEndpointId id) {
        require(actor, account, Use.MANAGE);
        WebhookSecret next = WebhookSecret.generate(random);
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = owned(account, endpoints.lock(id));
            endpoint.rotate(next, now);
            endpoints.update(endpoint);
            audit(endpoint, actor, AuditAction.WEBHOOK_SECRET_ROTATED, now);
        });
        return next;
    }

    @Override
    public WebhookMessage sendTestEvent(Actor actor, Optional<AccountId> account, WebhookEndpointId id) {
        require(actor, account, Use.SEND);
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = owned(account, endpoints.find(id));
            WebhookMessage test = WebhookMessage.pending(endpoint.id(), WebhookEventType.WEBHOOK_TEST,
                    payloads.test(endpoint.id(), endpoint.account(), now), now, random);
            messages.record(List.of(test), now, WebhookLeases.QUEUED);
            unitOfWork.afterCommit(relayWakeUp);
            return test;
        });
    }

    @Override
    public WebhookMessage resend(Actor actor, Optional<AccountId> account, WebhookEndpointId id, String message) {
        require(actor, account, Use.SEND);
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = owned(account, endpoints.find(id));
            WebhookMessage found = messages.lock(message).map(WebhookMessages.Held::message)
                    .filter(held -> held.endpoint().equals(endpoint.id()))
                    .orElseThrow(() -> new NotFound("The message"));
            WebhookResend.resend(messages, endpoint, found, now);
            unitOfWork.afterCommit(relayWakeUp);
            return found;
        });
    }

    @Override
    public List<WebhookEndpoint> list(Actor actor, Optional<AccountId> account) {
        require(actor, account, Use.READ);
        return unitOfWork.inTransaction(() -> {
            account.ifPresent(id -> accounts.find(id).orElseThrow(() -> new NotFound("The account")));
            return endpoints.of(account);
        });
    }

    @Override
    public WebhookEndpoint get(Actor actor, Optional<AccountId> account, WebhookEndpointId id) {
        require(actor, account, Use.READ);
        return unitOfWork.inTransaction(() -> owned(account, endpoints.find(id)));
    }

    @Override
    public Page<WebhookMessage> messages(Actor actor, Optional<AccountId> account, WebhookEndpointId id,
                                         PageRequest page) {
        require(actor, account, Use.READ);
        Optional<WebhookMessages.Position> after = MessagePages.after(page);
        List<WebhookMessage> found = unitOfWork.inTransaction(() -> {
            owned(account, endpoints.find(id));
            return messages.newestFirst(id, after, page.limit() + 1);
        });
        return MessagePages.of(found, page.limit(), message -> message);
    }

    @Override
    public WebhookMessageDetail message(Actor actor, Optional<AccountId> account, WebhookEndpointId id,
                                        String message) {
        require(actor, account, Use.READ);
        return unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = owned(account, endpoints.find(id));
            WebhookMessage found = messages.find(message).filter(held -> held.endpoint().equals(endpoint.id()))
                    .orElseThrow(() -> new NotFound("The message"));
            return new WebhookMessageDetail(found, messages.attempts(message));
        });
    }

    @Override
    public Stats stats() {
        return unitOfWork.inTransaction(() -> {
            Map<WebhookMessage.Status, Long> counts = messages.countByStatus();
            return new Stats(counts.getOrDefault(WebhookMessage.Status.DELIVERED, 0L),
                    counts.getOrDefault(WebhookMessage.Status.FAILED, 0L),
                    counts.getOrDefault(WebhookMessage.Status.PENDING, 0L), endpoints.countDisabled());
        });
    }

    /** The endpoint, if it is {@code account}'s (or, with none, the provider's); not found otherwise. */
    private static WebhookEndpoint owned(Optional<AccountId> account, Optional<WebhookEndpoint> endpoint) {
        return endpoint.filter(found -> found.account().equals(account))
                .orElseThrow(() -> new NotFound("The webhook endpoint"));
    }

    private void audit(WebhookEndpoint endpoint, Actor actor, AuditAction action, Instant now) {
        // Named by its address without the query: a receiver's URL may carry a token, which the audit must not keep.
        auditLog.record(AuditEvent.about(new AuditSubject(AuditSubject.Kind.WEBHOOK_ENDPOINT, endpoint.id().value(),
                endpoint.url().shown()), endpoint.account(), actor, action, List.of(), now));
    }
}
