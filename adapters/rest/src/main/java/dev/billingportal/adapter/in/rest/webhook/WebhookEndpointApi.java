package dev.billingportal.adapter.in.rest.webhook;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.adapter.in.rest.request.JsonBodies;
import dev.billingportal.adapter.in.rest.request.JsonFields;
import dev.billingportal.adapter.in.rest.request.PathIds;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.webhook.CreatedWebhookEndpoint;
import dev.billingportal.application.port.in.webhook.ManageWebhookEndpointsUseCase;
import dev.billingportal.application.port.in.webhook.WebhookEndpointInput;
import dev.billingportal.application.port.in.webhook.WebhookEndpointsQuery;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookSecret;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;

/**
 * What the account's and the provider's endpoint resources share: the same operations under two owners (spec §13).
 * Each resource declares its path, who may call it and its documentation; this does the work.
 */
final class WebhookEndpointApi {
    /** An answer carrying a secret is kept by no cache on the way. */
    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    // The operations' documentation, the same under both owners.
    static final String GET_DOC = "The endpoint, with whether it is on and, when it is off, why; never its secret.";
    static final String UPDATE_DOC = "Changes the fields sent and keeps the others. \"enabled\": true turns a "
            + "disabled endpoint on again, with five fresh days before failures disable it. A new URL is checked "
            + "as at creation.";
    static final String DELETE_DOC = "Removes the endpoint: nothing more is sent to it, and its messages and their "
            + "attempts go with it.";
    static final String ROTATE_DOC = "For 24 hours both the new and the replaced secret sign every message (two "
            + "signatures in webhook-signature), so a receiver can switch without losing one.";
    static final String TEST_DOC = "Queues a webhook.test message to the endpoint, whatever it subscribes to.";
    static final String MESSAGES_DOC = "The endpoint's messages, newest first, in keyset pages: delivered, pending "
            + "(with the next attempt's time) or failed.";
    static final String MESSAGE_DOC = "The message with the body its receiver gets (one of the event schemas) and "
            + "every attempt, oldest first: when, how long, the HTTP status or the error, and the first KiB of "
            + "the answer.";
    static final String RESEND_DOC = "Queues the message again at once with a fresh schedule and the same "
            + "webhook-id, so a receiver that had it deduplicates.";

    private final ManageWebhookEndpointsUseCase manage;
    private final WebhookEndpointsQuery query;

    WebhookEndpointApi(ManageWebhookEndpointsUseCase manage, WebhookEndpointsQuery query) {
        this.manage = manage;
        this.query = query;
    }

    Response list(Actor actor, Optional<AccountId> owner) {
        return JsonResponses.ok(WebhookEndpointResponse.ListResponse.of(query.list(actor, owner)));
    }

    Response create(Actor actor, Optional<AccountId> owner, InputStream body, UriInfo uri) {
        JsonFields fields = JsonBodies.read(body).fields();
        WebhookEndpointInput input = fields.command(() -> new WebhookEndpointInput(fields.string("url"),
                fields.string("description"), fields.strings("eventTypes"), fields.flag("enabled")));
        CreatedWebhookEndpoint created = manage.create(actor, owner, input);
        return JsonResponses.status(Response.Status.CREATED, WebhookEndpointResponse.Created.of(created))
                .location(uri.getAbsolutePathBuilder().path(created.endpoint().id().value().toString()).build())
                .cacheControl(NO_STORE)
                .build();
    }

    Response get(Actor actor, Optional<AccountId> owner, String endpointId) {
        return JsonResponses.ok(WebhookEndpointResponse.of(query.get(actor, owner, id(endpointId))));
    }

    Response update(Actor actor, Optional<AccountId> owner, String endpointId, InputStream body) {
        WebhookEndpointId id = id(endpointId);
        JsonFields fields = JsonBodies.read(body).fields();
        WebhookEndpointInput input = fields.command(() -> new WebhookEndpointInput(fields.string("url"),
                fields.string("description"), fields.strings("eventTypes"), fields.flag("enabled")));
        return JsonResponses.ok(WebhookEndpointResponse.of(manage.update(actor, owner, id, input)));
    }

    Response delete(Actor actor, Optional<AccountId> owner, String endpointId) {
        manage.delete(actor, owner, id(endpointId));
        return Response.noContent().build();
    }

    Response rotate(Actor actor, Optional<AccountId> owner, String endpointId) {
        WebhookSecret secret = manage.rotateSecret(actor, owner, id(endpointId));
        return JsonResponses.status(Response.Status.OK, new WebhookEndpointResponse.Secret(secret.text()))
                .cacheControl(NO_STORE)
                .build();
    }

    Response test(Actor actor, Optional<AccountId> owner, String endpointId) {
        return JsonResponses.status(Response.Status.ACCEPTED,
                WebhookMessageResponse.of(manage.sendTestEvent(actor, owner, id(endpointId)))).build();
    }

    Response messages(Actor actor, Optional<AccountId> owner, String endpointId, String limit, String cursor) {
        WebhookEndpointId id = id(endpointId);
        return JsonResponses.ok(WebhookMessageResponse.PageResponse.of(query.messages(actor, owner, id,
                PageRequest.of(limit, cursor))));
    }

    Response message(Actor actor, Optional<AccountId> owner, String endpointId, String messageId) {
        return JsonResponses.ok(WebhookMessageResponse.Detail.of(query.message(actor, owner, id(endpointId),
                messageId)));
    }

    Response resend(Actor actor, Optional<AccountId> owner, String endpointId, String messageId) {
        return JsonResponses.status(Response.Status.ACCEPTED,
                WebhookMessageResponse.of(manage.resend(actor, owner, id(endpointId), messageId))).build();
    }

    private static WebhookEndpointId id(String raw) {
        return new WebhookEndpointId(PathIds.uuid(raw, "The webhook endpoint"));
    }
}
