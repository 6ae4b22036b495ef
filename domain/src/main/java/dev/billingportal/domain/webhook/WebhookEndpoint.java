package dev.billingportal.domain.webhook;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.common.Text;
import dev.billingportal.domain.failure.InvalidValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where billing events are pushed (spec §13): an account's endpoint (its portal users manage it) or the provider's
 * ({@code account} empty: every account's events). It signs with its secret — with two for a day after a rotation —
 * and is disabled at once by a {@code 410 Gone}, or after five days in which every attempt failed.
 */
public final class WebhookEndpoint {
    /** How many endpoints one account may have. */
    public static final int MAX_PER_ACCOUNT = 10;
    /** How long the secret a rotation replaced goes on signing beside the new one. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    /** How long an endpoint may fail every attempt before it is disabled. */
    public static final Duration FAILING_LIMIT = Duration.ofDays(5);

    /** Why an endpoint stopped receiving. */
    public enum Disabled { BY_OWNER, GONE, FAILING }

    /** A secret and, for the one a rotation replaced, when it stops signing. */
    public record Signing(WebhookSecret secret, Optional<Instant> until) {
        public Signing {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(until, "until");
        }
    }

    private final WebhookEndpointId id;
    private final Optional<AccountId> account;
    private WebhookUrl url;
    private String description;
    private Set<String> eventTypes;
    private final Instant createdAt;
    private final List<Signing> signing;
    private Optional<Disabled> disabled;
    private Optional<Instant> failingSince;

    private WebhookEndpoint(WebhookEndpointId id, Optional<AccountId> account, WebhookUrl url, String description,
                            Set<String> eventTypes, Instant createdAt, List<Signing> signing,
                            Optional<Disabled> disabled, Optional<Instant> failingSince) {
        this.id = Objects.requireNonNull(id, "id");
        this.account = Objects.requireNonNull(account, "account");
        this.url = Objects.requireNonNull(url, "url");
        this.description = description(description);
        this.eventTypes = eventTypes(eventTypes);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.signing = new ArrayList<>(signing);
        this.disabled = Objects.requireNonNull(disabled, "disabled");
        this.failingSince = Objects.requireNonNull(failingSince, "failingSince");
        if (this.signing.isEmpty()) {
            throw new IllegalArgumentException("an endpoint has a secret");
        }
    }

    /** A new endpoint, enabled, with its first secret (shown to its owner this once). */
    public static WebhookEndpoint create(Optional<AccountId> account, WebhookUrl url, String description,
                                         Set<String> eventTypes, WebhookSecret secret, Instant now) {
        return new WebhookEndpoint(WebhookEndpointId.random(), account, url, description, eventTypes, now,
                List.of(new Signing(secret, Optional.empty())), Optional.empty(), Optional.empty());
    }

    public static WebhookEndpoint reconstitute(WebhookEndpointId id, Optional<AccountId> account, WebhookUrl url,
                                              String description, Set<String> eventTypes, Instant createdAt,
                                              List<Signing> signing, Optional<Disabled> disabled,
                                              Optional<Instant> failingSince) {
        return new WebhookEndpoint(id, account, url, description, eventTypes, createdAt, signing, disabled,
                failingSince);
    }

    /** A description as it is kept (one line, at most 200 characters; blank is none), or why it is refused. */
    public static String checkedDescription(String text) {
        return description(text);
    }

    /** A subscription as it is kept, or why it is refused: {@code ["*"]} or known types, at least one. */
    public static Set<String> checkedEventTypes(Set<String> types) {
        return eventTypes(types);
    }

    private static String description(String text) {
        return text == null || text.isBlank() ? "" : Text.singleLine(text, 1, 200);
    }

    /** {@code ["*"]} or known event types' names, at least one; the test event is not subscribed to. */
    private static Set<String> eventTypes(Set<String> types) {
        if (types == null || types.isEmpty()) {
            throw new InvalidValue("must name at least one event type, or \"*\"");
        }
        for (String type : types) {
            if (!type.equals(WebhookEventType.EVERY)) {
                WebhookEventType parsed = WebhookEventType.parse(type);
                if (parsed == WebhookEventType.WEBHOOK_TEST) {
                    throw new InvalidValue("webhook.test is sent on request, not subscribed to");
                }
            }
        }
        return Set.copyOf(types);
    }

    /** Whether this endpoint receives {@code type} now. */
    public boolean receives(WebhookEventType type) {
        return subscription().receives(type);
    }

    public WebhookSubscription subscription() {
        return new WebhookSubscription(id, eventTypes, enabled());
    }

    /** The secrets that sign a message sent at {@code now}: the current one, and the replaced one within its day. */
    public List<WebhookSecret> secretsAt(Instant now) {
        return signing.stream().filter(key -> key.until().map(now::isBefore).orElse(true))
                .map(Signing::secret).toList();
    }

    /** A new secret; the current one keeps signing for {@link #ROTATION_OVERLAP} beside it, older ones stop. */
    public void rotate(WebhookSecret next, Instant now) {
        Signing current = signing.stream().filter(key -> key.until().isEmpty()).findFirst().orElseThrow();
        signing.clear();
        signing.add(new Signing(next, Optional.empty()));
        signing.add(new Signing(current.secret(), Optional.of(now.plus(ROTATION_OVERLAP))));
    }

    /** The owner changes the address, the description, the subscription, or turns it on or off. */
    public void update(WebhookUrl newUrl, String newDescription, Set<String> newEventTypes, boolean enabled) {
        this.url = Objects.requireNonNull(newUrl, "url");
        this.description = description(newDescription);
        this.eventTypes = eventTypes(newEventTypes);
        if (enabled) {
            disabled = Optional.empty();
            failingSince = Optional.empty(); // a fresh start: five more days before it is judged again
        } else if (disabled.isEmpty()) {
            disabled = Optional.of(Disabled.BY_OWNER);
        }
    }

    /** An attempt got a 2xx: the endpoint is failing no more. */
    public void delivered() {
        failingSince = Optional.empty();
    }

    /**
     * An attempt failed; {@code gone}: the answer was {@code 410 Gone}, which disables it at once.
     *
     * @return whether this failure disabled the endpoint (its owners are then told)
     */
    public boolean failed(boolean gone, Instant now) {
        if (disabled.isPresent()) {
            return false;
        }
        if (gone) {
            disabled = Optional.of(Disabled.GONE);
            return true;
        }
        if (failingSince.isEmpty()) {
            failingSince = Optional.of(now);
            return false;
        }
        if (!now.isBefore(failingSince.get().plus(FAILING_LIMIT))) {
            disabled = Optional.of(Disabled.FAILING);
            return true;
        }
        return false;
    }

    public WebhookEndpointId id() {
        return id;
    }

    public Optional<AccountId> account() {
        return account;
    }

    public WebhookUrl url() {
        return url;
    }

    public String description() {
        return description;
    }

    public Set<String> eventTypes() {
        return eventTypes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Signing> signing() {
        return List.copyOf(signing);
    }

    public boolean enabled() {
        return disabled.isEmpty();
    }

    public Optional<Disabled> disabled() {
        return disabled;
    }

    public Optional<Instant> failingSince() {
        return failingSince;
    }
}
