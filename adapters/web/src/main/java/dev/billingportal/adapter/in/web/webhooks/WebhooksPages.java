package dev.billingportal.adapter.in.web.webhooks;

import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.frame.NewestFirstPage;
import dev.billingportal.adapter.in.web.frame.PathIds;
import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.DeleteWebhookView;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.adapter.in.web.view.WebhookMessageView;
import dev.billingportal.adapter.in.web.view.WebhookPlace;
import dev.billingportal.adapter.in.web.view.WebhookView;
import dev.billingportal.adapter.in.web.view.WebhooksView;
import dev.billingportal.application.port.in.webhook.CreatedWebhookEndpoint;
import dev.billingportal.application.port.in.webhook.ManageWebhookEndpointsUseCase;
import dev.billingportal.application.port.in.webhook.WebhookEndpointInput;
import dev.billingportal.application.port.in.webhook.WebhookEndpointsQuery;
import dev.billingportal.application.port.in.webhook.WebhookMessageDetail;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.webhook.WebhookAttempt;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookEventType;
import dev.billingportal.domain.webhook.WebhookMessage;
import dev.billingportal.domain.webhook.WebhookSecret;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook endpoints' pages (spec §13), the same on both sites for whichever owner a {@link WebhookScope} names: the
 * list, which adds one (its secret shown once); an endpoint's page, which changes it, sends it a test event, gives it a
 * new secret and shows its delivery log, each message's attempts a click away, with "Resend". Every action is a plain
 * form: nothing needs JavaScript.
 */
public final class WebhooksPages {
    static final int LOG_SIZE = 25;

    /** One of these pages, for a scope a site makes of its visit. */
    @FunctionalInterface
    public interface Page {
        void handle(WebExchange exchange, WebhookScope scope);
    }
    /** What the address check says when it refuses a URL at registration ({@code WebhookSender.refusal}). */
    private static final Pattern REFUSED = Pattern.compile("resolves to an? ([a-z-]+) address");

    private final Frame frame;
    private final ManageWebhookEndpointsUseCase manage;
    private final WebhookEndpointsQuery query;

    public WebhooksPages(Frame frame, ManageWebhookEndpointsUseCase manage, WebhookEndpointsQuery query) {
        this.frame = frame;
        this.manage = manage;
        this.query = query;
    }

    /** {@code GET /webhooks}. */
    public void list(WebExchange exchange, WebhookScope scope) {
        Optional<String> notice = exchange.query("notice").filter("deleted"::equals)
                .map(ignored -> scope.t().get("webhooks.notice.deleted"));
        renderList(exchange, scope, 200, newForm(scope.t()), Optional.empty(), notice);
    }

    /** {@code POST /webhooks}: adds the endpoint, and shows its secret this once. */
    public void create(WebExchange exchange, WebhookScope scope) {
        Typed typed = Typed.of(exchange.form(), true);
        CreatedWebhookEndpoint created;
        try {
            created = manage.create(scope.actor(), scope.owner(), typed.input(false));
        } catch (InvalidInput invalid) {
            renderList(exchange, scope, 422, typed.form(scope.t(), errors(scope.t(), invalid.errors())),
                    Optional.empty(), Optional.empty());
            return;
        } catch (RuleViolation refused) {
            renderList(exchange, scope, 422, typed.form(scope.t(), errors(scope.t(), refused.errors())),
                    Optional.empty(), Optional.empty());
            return;
        }
        renderList(exchange, scope, 201, newForm(scope.t()), Optional.of(shown(created.endpoint(), created.secret())),
                Optional.empty());
    }

    /** {@code GET /webhooks/{id}}: the endpoint and its delivery log. */
    public void show(WebExchange exchange, WebhookScope scope) {
        WebhookEndpoint endpoint = query.get(scope.actor(), scope.owner(), id(exchange));
        Optional<String> notice = exchange.query("notice")
                .filter(name -> Set.of("saved", "test", "resent", "off").contains(name))
                .map(name -> scope.t().get("webhooks.notice." + name));
        renderEndpoint(exchange, scope, 200, endpoint, Typed.of(endpoint).form(scope.t(), Map.of()), notice,
                Optional.empty());
    }

    /** {@code POST /webhooks/{id}}: changes the address, the description, the events, or turns it on or off. */
    public void save(WebExchange exchange, WebhookScope scope) {
        WebhookEndpointId id = id(exchange);
        Typed typed = Typed.of(exchange.form(), false);
        try {
            manage.update(scope.actor(), scope.owner(), id, typed.input(true));
        } catch (InvalidInput invalid) {
            renderEndpoint(exchange, scope, 422, query.get(scope.actor(), scope.owner(), id),
                    typed.form(scope.t(), errors(scope.t(), invalid.errors())), Optional.empty(), Optional.empty());
            return;
        } catch (RuleViolation refused) {
            renderEndpoint(exchange, scope, 422, query.get(scope.actor(), scope.owner(), id),
                    typed.form(scope.t(), errors(scope.t(), refused.errors())), Optional.empty(), Optional.empty());
            return;
        }
        exchange.redirect(scope.path() + "/" + id.value() + "?notice=saved");
    }

    /** {@code POST /webhooks/{id}/test}. */
    public void test(WebExchange exchange, WebhookScope scope) {
        WebhookEndpointId id = id(exchange);
        manage.sendTestEvent(scope.actor(), scope.owner(), id);
        exchange.redirect(scope.path() + "/" + id.value() + "?notice=test");
    }

    /** {@code POST /webhooks/{id}/secret-rotation}: the new secret, shown this once. */
    public void rotate(WebExchange exchange, WebhookScope scope) {
        WebhookEndpointId id = id(exchange);
        WebhookSecret secret = manage.rotateSecret(scope.actor(), scope.owner(), id);
        WebhookEndpoint endpoint = query.get(scope.actor(), scope.owner(), id);
        renderEndpoint(exchange, scope, 200, endpoint, Typed.of(endpoint).form(scope.t(), Map.of()),
                Optional.empty(), Optional.of(shown(endpoint, secret)));
    }

    /** {@code GET /webhooks/{id}/delete}: the question before deleting. */
    public void confirmDelete(WebExchange exchange, WebhookScope scope) {
        WebhookEndpoint endpoint = query.get(scope.actor(), scope.owner(), id(exchange));
        frame.page(exchange, 200, "webhookdelete.jte", new DeleteWebhookView(scope.chrome(scope.t().get(
                "webhooks.deleteQuestion", endpoint.url().shown())), place(scope), endpoint.id().value().toString(),
                endpoint.url().shown()));
    }

    /** {@code POST /webhooks/{id}/delete}. */
    public void delete(WebExchange exchange, WebhookScope scope) {
        manage.delete(scope.actor(), scope.owner(), id(exchange));
        exchange.redirect(scope.path() + "?notice=deleted");
    }

    /** {@code GET /webhooks/{id}/messages/{messageId}}: the body and every attempt. */
    public void message(WebExchange exchange, WebhookScope scope) {
        WebhookEndpointId id = id(exchange);
        WebhookEndpoint endpoint = query.get(scope.actor(), scope.owner(), id);
        String messageId = exchange.pathParameter("messageId").orElse("");
        WebhookMessageDetail detail = query.message(scope.actor(), scope.owner(), id, messageId);
        Texts t = scope.t();
        frame.page(exchange, 200, "webhookmessage.jte", new WebhookMessageView(scope.chrome(
                t.get("webhooks.messageHeading", messageId)), place(scope), id.value().toString(),
                endpoint.url().shown(), messageRow(t, scope.formats(), detail.message()), detail.message().body(),
                detail.attempts().stream().map(attempt -> attemptRow(t, scope.formats(), attempt)).toList(),
                scope.maySend() && (endpoint.enabled() || detail.message().type() == WebhookEventType.WEBHOOK_TEST),
                scope.formats().zone().getId()));
    }

    /** {@code POST /webhooks/{id}/messages/{messageId}/resend}: the same message again, with a fresh schedule. */
    public void resend(WebExchange exchange, WebhookScope scope) {
        WebhookEndpointId id = id(exchange);
        try {
            manage.resend(scope.actor(), scope.owner(), id, exchange.pathParameter("messageId").orElse(""));
        } catch (RuleViolation endpointOff) {
            exchange.redirect(scope.path() + "/" + id.value() + "?notice=off");
            return;
        }
        exchange.redirect(scope.path() + "/" + id.value() + "?notice=resent");
    }

    private void renderList(WebExchange exchange, WebhookScope scope, int status, WebhooksView.EndpointForm form,
                            Optional<WebhooksView.Shown> shown, Optional<String> notice) {
        Texts t = scope.t();
        List<WebhooksView.Row> rows = query.list(scope.actor(), scope.owner()).stream()
                .map(endpoint -> row(t, scope.formats(), endpoint)).toList();
        frame.page(exchange, status, "webhooks.jte", new WebhooksView(scope.chrome(t.get("webhooks.title")),
                place(scope), rows, form, shown, notice));
    }

    private void renderEndpoint(WebExchange exchange, WebhookScope scope, int status, WebhookEndpoint endpoint,
                                WebhooksView.EndpointForm form, Optional<String> notice,
                                Optional<WebhooksView.Shown> shown) {
        Texts t = scope.t();
        Formats formats = scope.formats();
        String path = scope.path() + "/" + endpoint.id().value();
        NewestFirstPage.read(exchange, path, LOG_SIZE,
                        request -> query.messages(scope.actor(), scope.owner(), endpoint.id(), request))
                .ifPresent(read -> frame.page(exchange, status, "webhook.jte", new WebhookView(
                        scope.chrome(endpoint.url().shown()), place(scope), row(t, formats, endpoint), form,
                        read.page().items().stream().map(message -> messageRow(t, formats, message)).toList(),
                        read.olderHref(), read.newestHref(), notice, shown, formats.zone().getId())));
    }

    private static WebhookPlace place(WebhookScope scope) {
        return new WebhookPlace(scope.path(), scope.mayManage(), scope.maySend());
    }

    private static WebhooksView.Shown shown(WebhookEndpoint endpoint, WebhookSecret secret) {
        return new WebhooksView.Shown(endpoint.id().value().toString(), endpoint.url().shown(), secret.text());
    }

    private static WebhooksView.Row row(Texts t, Formats formats, WebhookEndpoint endpoint) {
        String events = endpoint.eventTypes().contains(WebhookEventType.EVERY) ? t.get("webhooks.allEvents")
                : String.join(", ", Arrays.stream(WebhookEventType.values())
                .filter(type -> endpoint.eventTypes().contains(type.wireName()))
                .map(type -> t.get("webhooks.event." + type.wireName())).toList());
        Optional<String> detail = endpoint.disabled().map(why -> t.get("webhooks.off." + why.name()))
                .or(() -> endpoint.failingSince().map(since -> t.get("webhooks.failingSince",
                        formats.localDateTime(since))));
        // The address without its query, which may carry the receiver's own token: only the form to change it shows it.
        return new WebhooksView.Row(endpoint.id().value().toString(), endpoint.url().shown(),
                endpoint.description(), events, t.get(endpoint.enabled() ? "webhooks.state.on" : "webhooks.state.off"),
                endpoint.enabled() ? "badge--active" : "badge--failed", detail);
    }

    private static WebhookView.MessageRow messageRow(Texts t, Formats formats, WebhookMessage message) {
        String status = switch (message.status()) {
            case DELIVERED -> "DELIVERED";
            case FAILED -> "FAILED";
            case PENDING -> message.attempts() == 0 ? "SENDING" : "RETRYING";
        };
        Optional<String> detail = switch (message.status()) {
            case DELIVERED -> message.deliveredAt().map(at -> t.get("webhooks.deliveredAt", formats.localDateTime(at)));
            case FAILED -> Optional.empty();
            case PENDING -> message.attempts() == 0 ? Optional.empty() : message.nextAttemptAt()
                    .map(at -> t.get("webhooks.nextAttempt", formats.localDateTime(at)));
        };
        String statusClass = switch (message.status()) {
            case DELIVERED -> "badge--sent";
            case FAILED -> "badge--failed";
            case PENDING -> "badge--pending";
        };
        return new WebhookView.MessageRow(message.id(), formats.localDateTime(message.createdAt()),
                t.get("webhooks.event." + message.type().wireName()), t.get("webhooks.message." + status),
                statusClass, detail, message.attempts());
    }

    private static WebhookMessageView.AttemptRow attemptRow(Texts t, Formats formats, WebhookAttempt attempt) {
        String outcome = outcome(t, attempt);
        boolean succeeded = attempt.status().filter(code -> code >= 200 && code < 300).isPresent();
        return new WebhookMessageView.AttemptRow(formats.localDateTime(attempt.at()),
                t.get("webhooks.ms", attempt.took().toMillis()), outcome, succeeded, attempt.answer());
    }

    /** What an attempt came to, in the reader's words: the receiver's HTTP status, or why there was none. */
    public static String outcome(Texts t, WebhookAttempt attempt) {
        return attempt.status().map(code -> t.get("webhooks.httpStatus", code))
                .orElseGet(() -> attempt.error().map(error -> t.has("webhooks.error." + error)
                        ? t.get("webhooks.error." + error) : error).orElse(""));
    }

    /** The form's field messages, with the reason a refused address or the limit gives. */
    private static Map<String, String> errors(Texts t, List<FieldError> errors) {
        Map<String, String> messages = new LinkedHashMap<>(Frame.fieldMessages(t, errors));
        for (FieldError error : errors) {
            if (!error.field().toString().equals("url")) {
                continue;
            }
            Matcher refused = REFUSED.matcher(error.message());
            if (refused.find() && t.has("webhooks.range." + refused.group(1))) {
                messages.put("url", t.get("webhooks.refused.address", t.get("webhooks.range." + refused.group(1))));
            } else if (error.message().contains("does not resolve")) {
                messages.put("url", t.get("webhooks.refused.unresolved"));
            } else if (error.message().contains("at most")) {
                messages.put("url", t.get("webhooks.limitReached"));
            }
        }
        return messages;
    }

    private static WebhooksView.EndpointForm newForm(Texts t) {
        return new Typed("", "", true, List.of(), true).form(t, Map.of());
    }

    private static WebhookEndpointId id(WebExchange exchange) {
        return new WebhookEndpointId(PathIds.of(exchange, "endpointId", "The webhook endpoint"));
    }

    /** What the form holds: as typed, or as the endpoint is. */
    private record Typed(String url, String description, boolean everyEvent, List<String> chosen, boolean enabled) {

        static Typed of(Forms form, boolean adding) {
            return new Typed(form.first("url").orElse("").strip(), form.first("description").orElse("").strip(),
                    !form.first("events").orElse("every").equals("chosen"), form.all("eventType"),
                    adding || form.checked("enabled"));
        }

        static Typed of(WebhookEndpoint endpoint) {
            boolean every = endpoint.eventTypes().contains(WebhookEventType.EVERY);
            return new Typed(endpoint.url().uri().toString(), endpoint.description(), every,
                    every ? List.of() : List.copyOf(endpoint.eventTypes()), endpoint.enabled());
        }

        /** The input the use case takes; a change sends every field (the form shows them all). */
        WebhookEndpointInput input(boolean change) {
            return new WebhookEndpointInput(url.isEmpty() ? null : url, description,
                    everyEvent ? List.of(WebhookEventType.EVERY) : chosen, change ? enabled : null);
        }

        WebhooksView.EndpointForm form(Texts t, Map<String, String> errors) {
            List<WebhooksView.Choice> events = Arrays.stream(WebhookEventType.values())
                    .filter(type -> type != WebhookEventType.WEBHOOK_TEST)
                    .map(type -> new WebhooksView.Choice(type.wireName(), t.get("webhooks.event." + type.wireName()),
                            chosen.contains(type.wireName()))).toList();
            return new WebhooksView.EndpointForm(Map.of("url", url, "description", description), events, everyEvent,
                    enabled, errors);
        }
    }
}
