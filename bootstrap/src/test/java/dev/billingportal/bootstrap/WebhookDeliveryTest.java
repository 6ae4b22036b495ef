package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.Db;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.Onboarding.Member;
import dev.billingportal.bootstrap.support.Operators;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebClient;
import dev.billingportal.bootstrap.support.WebhookReceiver;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §13 end to end: endpoints added through the API, events of each type reaching the endpoints subscribed to
 * them — the account's own and the provider's —, signed so that the Standard Webhooks reference library verifies
 * them, with the API's own rendering as data; a receiver that fails, then recovers, gets each message once more.
 */
@HelidonTest
class WebhookDeliveryTest {
    private static final Mailbox MAILBOX = new Mailbox();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    private Api api;
    private Onboarding onboarding;
    private Billing billing;

    @AddConfigSource
    static ConfigSource config() {
        return TestPortal.config(MAILBOX.port(), TestPortal.WEBHOOKS_ON_LOOPBACK);
    }

    @AfterAll
    static void stop() {
        MAILBOX.stop();
        RECEIVER.close();
    }

    @BeforeEach
    void connect() {
        api = Api.ofRunningServer();
        onboarding = new Onboarding(api, MAILBOX);
        billing = new Billing(api);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String path(String name) {
        return "/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Adds an endpoint through the API; returns its creation answer (id and secret). */
    private JsonObject endpoint(Member owner, String path, String... types) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("url", RECEIVER.url(path))
                .add("description", "Ledger").add("eventTypes", Json.createArrayBuilder(List.of(types)));
        Api.Reply created = api.post(endpoints(owner), owner.token(), body.build().toString());
        assertEquals(201, created.status(), created.body());
        assertEquals("no-store", created.header("Cache-Control").orElse(""));
        return created.json();
    }

    private static String endpoints(Member owner) {
        return "/api/v1/accounts/" + owner.accountId() + "/webhook-endpoints";
    }

    private JsonObject providerEndpoint(String path) {
        Api.Reply created = api.post("/api/v1/operator/webhook-endpoints", TestPortal.OPERATOR_TOKEN,
                Json.createObjectBuilder().add("url", RECEIVER.url(path)).add("eventTypes",
                        Json.createArrayBuilder(List.of("*"))).build().toString());
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static List<WebhookReceiver.Request> await(String path, int count) {
        Await.until(Duration.ofSeconds(20), () -> RECEIVER.received(path).size() >= count,
                count + " request(s) at " + path);
        return RECEIVER.received(path);
    }

    @Test
    void eachEventReachesTheEndpointsSubscribedToItSignedAndWithTheApisOwnRendering() {
        Member ann = onboarding.newAccount(unique("ann"));
        String all = path("all");
        String deletions = path("deleted");
        String provider = path("provider");
        JsonObject allEndpoint = endpoint(ann, all, "*");
        JsonObject deletionsEndpoint = endpoint(ann, deletions, "portal_user.deleted");
        JsonObject providerEndpoint = providerEndpoint(provider);
        Member other = onboarding.newAccount(unique("olga"));
        assertEquals(201, billing.post(other.accountId(), UUID.randomUUID().toString(),
                Billing.payment("1.00", null, "PAY-O")).status());

        String key = UUID.randomUUID().toString();
        Api.Reply posted = billing.post(ann.accountId(), key, Billing.payment("12.34", null, "PAY-1"));
        assertEquals(201, posted.status(), posted.body());
        assertEquals(200, billing.post(ann.accountId(), key, Billing.payment("12.34", null, "PAY-1")).status());
        Member bob = onboarding.addMember(ann, unique("bob"));
        await(all, 2); // added before deleted: events of one account are recorded in order, but sent in any
        assertEquals(204, api.send(api.request(ann.users() + "/" + bob.userId(), ann.token()).DELETE()).status());
        assertEquals(200, api.post("/api/v1/operator/accounts/" + ann.accountId() + "/users/" + bob.userId()
                + "/restore", TestPortal.OPERATOR_TOKEN, "{\"reason\":\"Asked by the account\"}").status());

        List<WebhookReceiver.Request> toAll = await(all, 4);
        Await.sleep(Duration.ofSeconds(1)); // anything more would have come by now
        assertEquals(List.of("transaction.posted", "portal_user.added", "portal_user.deleted", "portal_user.restored"),
                RECEIVER.received(all).stream().map(WebhookReceiver.Request::type).sorted(
                        java.util.Comparator.comparing(List.of("transaction.posted", "portal_user.added",
                                "portal_user.deleted", "portal_user.restored")::indexOf)).toList(),
                "each once: the replayed posting records nothing");
        assertEquals(List.of("portal_user.deleted"), await(deletions, 1).stream().map(WebhookReceiver.Request::type)
                .toList());
        String secret = allEndpoint.getString("secret");
        for (WebhookReceiver.Request request : toAll) {
            assertTrue(request.verifiesWith(secret), "the reference library verifies " + request.body());
            assertFalse(request.verifiesWith(deletionsEndpoint.getString("secret")), "not with another's secret");
            assertTrue(request.webhookId().startsWith("msg_"));
            assertEquals("application/json", request.header("Content-Type").split(";")[0]);
            assertEquals(ann.accountId(), request.json().getJsonObject("data").getString("accountId"));
        }

        WebhookReceiver.Request transaction = toAll.stream().filter(r -> r.type().equals("transaction.posted"))
                .findFirst().orElseThrow();
        JsonObject data = transaction.json().getJsonObject("data");
        JsonObject asTheApiRendersIt = api.get("/api/v1/operator/accounts/" + ann.accountId() + "/transactions/"
                + posted.json().getString("id"), TestPortal.OPERATOR_TOKEN).json();
        JsonObjectBuilder withoutAccount = Json.createObjectBuilder(data);
        withoutAccount.remove("accountId");
        assertEquals(asTheApiRendersIt, withoutAccount.build(), "data is the API's own rendering");

        List<WebhookReceiver.Request> toProvider = await(provider, 5);
        Set<String> accounts = toProvider.stream().map(r -> r.json().getJsonObject("data").getString("accountId"))
                .collect(Collectors.toSet());
        assertTrue(accounts.contains(ann.accountId()) && accounts.contains(other.accountId()),
                "the provider's endpoint hears every account: " + accounts);
        toProvider.forEach(request -> assertTrue(request.verifiesWith(providerEndpoint.getString("secret"))));
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEachMessageUntilItTakesItAndTheLogSaysSo() {
        Member ann = onboarding.newAccount(unique("ann"));
        String hooks = path("flaky");
        JsonObject created = endpoint(ann, hooks, "transaction.posted");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        RECEIVER.answer(hooks, request -> WebhookReceiver.Answer.status(calls.incrementAndGet() == 1 ? 503 : 200));

        assertEquals(201, billing.post(ann.accountId(), UUID.randomUUID().toString(),
                Billing.payment("5.00", null, "PAY-2")).status());
        List<WebhookReceiver.Request> requests = await(hooks, 2);
        Await.sleep(Duration.ofSeconds(1));
        assertEquals(2, RECEIVER.received(hooks).size(), "once more after the failure, then no more");
        assertEquals(requests.get(0).webhookId(), requests.get(1).webhookId(), "the same webhook-id");
        assertTrue(Duration.between(requests.get(0).at(), requests.get(1).at()).compareTo(Duration.ofSeconds(3)) > 0,
                "the second after its step (5 s ±20 %), not at once");

        String log = endpoints(ann) + "/" + created.getJsonObject("endpoint").getString("id") + "/messages";
        JsonObject message = Await.result(Duration.ofSeconds(10), () -> {
            JsonObject page = api.get(log, ann.token()).json();
            JsonObject first = page.getJsonArray("items").getJsonObject(0);
            return first.getString("status").equals("DELIVERED") ? java.util.Optional.of(first)
                    : java.util.Optional.empty();
        }, "the message delivered in the log");
        assertEquals(2, message.getInt("attempts"));
        JsonObject detail = api.get(log + "/" + message.getString("id"), ann.token()).json();
        assertEquals(List.of(503, 200), detail.getJsonArray("attempts").stream()
                .map(attempt -> attempt.asJsonObject().getInt("httpStatus")).toList());
        assertEquals("transaction.posted", detail.getJsonObject("body").getString("type"));
    }

    @Test
    void goneTurnsTheEndpointOffAndTellsTheAccountsUsersByMail() {
        Member ann = onboarding.newAccount(unique("ann"));
        String hooks = path("gone");
        JsonObject created = endpoint(ann, hooks, "*");
        RECEIVER.answer(hooks, request -> WebhookReceiver.Answer.status(410));

        assertEquals(201, billing.post(ann.accountId(), UUID.randomUUID().toString(),
                Billing.payment("5.00", null, "PAY-3")).status());
        await(hooks, 1);
        String endpoint = endpoints(ann) + "/" + created.getJsonObject("endpoint").getString("id");
        Await.until(Duration.ofSeconds(10), () -> !api.get(endpoint, ann.token()).json().getBoolean("enabled"),
                "the endpoint turned off");
        assertEquals("GONE", api.get(endpoint, ann.token()).json().getString("disabledReason"));
        Await.until(Duration.ofSeconds(5), () -> metric("portal_webhooks_endpoints_disabled") >= 1
                && metric("portal_webhooks_failed") >= 1, "the metrics say so");
        Await.until(Duration.ofSeconds(20), () -> MAILBOX.to(ann.username()).stream()
                .anyMatch(mail -> subjectOf(mail).startsWith("Webhook endpoint turned off")), "Ann told by mail");
        assertEquals(201, billing.post(ann.accountId(), UUID.randomUUID().toString(),
                Billing.payment("6.00", null, "PAY-4")).status());
        Await.sleep(Duration.ofSeconds(1));
        assertEquals(1, RECEIVER.received(hooks).size(), "nothing more is sent to it");

        Api.Reply on = api.send(api.request(endpoint, ann.token()).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")));
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().getBoolean("enabled"));
        assertTrue(on.json().isNull("disabledReason"));
    }

    @Test
    void aFailedMessageWaitsOnTheConsoleWhereSupportRetriesItWithTheSameId() {
        Member ann = onboarding.newAccount(unique("ann"));
        String hooks = path("console");
        JsonObject created = endpoint(ann, hooks, "*");
        String endpoint = endpoints(ann) + "/" + created.getJsonObject("endpoint").getString("id");
        RECEIVER.answer(hooks, request -> WebhookReceiver.Answer.status(410));
        assertEquals(201, billing.post(ann.accountId(), UUID.randomUUID().toString(),
                Billing.payment("7.00", null, "PAY-7")).status());
        String id = await(hooks, 1).getFirst().webhookId();
        String message = endpoint + "/messages/" + id;
        Await.until(Duration.ofSeconds(10), () -> api.get(message, ann.token()).json().getJsonObject("message").getString("status")
                .equals("FAILED"), "the message failed");

        Db db = Db.ofRunningPortal();
        WebClient support = new WebClient(api.base());
        support.cookies().put("console_session", Operators.consoleSession(db, Operators.active(db,
                unique("support"), "Sam Support", "SUPPORT", "en-CA", "UTC")));
        assertTrue(support.get("/console").html().getElementById("failed-webhooks-count").text()
                .matches("[0-9]+ failed webhook messages? to look at"), "the home counts it");
        WebClient.Page list = support.get("/console/notifications");
        assertEquals(200, list.status(), list.body());
        Element row = list.html().selectFirst("input[name=ids][value=" + id + "]").closest("tr");
        assertTrue(row.text().contains("HTTP 410") && row.text().contains(RECEIVER.url(hooks)), row.text());
        assertEquals("/console/accounts/" + ann.accountId() + "/webhooks/" + created.getJsonObject("endpoint")
                .getString("id") + "/messages/" + id, row.select("a").last().attr("href"), "its attempts");

        WebClient.Page off = support.post("/console/notifications/webhooks/" + id + "/retry",
                Map.of("_csrf", list.csrf()));
        assertEquals("/console/notifications?notice=endpoint-off#failed-webhooks", off.header("Location")
                .orElse(off.body()), "its endpoint is off: nothing is queued");
        assertTrue(support.get("/console/notifications?notice=endpoint-off").html().getElementById(
                "notifications-notice").text().startsWith("Its endpoint is off"));
        Api.Reply on = api.send(api.request(endpoint, ann.token()).header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":true}")));
        assertEquals(200, on.status(), on.body());
        RECEIVER.answer(hooks, request -> WebhookReceiver.Answer.status(204));
        WebClient.Page retried = support.post("/console/notifications/webhooks/" + id + "/retry",
                Map.of("_csrf", list.csrf()));
        assertEquals(303, retried.status(), retried.body());
        assertEquals(id, await(hooks, 2).get(1).webhookId(), "the same message, by its webhook-id");
        Await.until(Duration.ofSeconds(10), () -> api.get(message, ann.token()).json().getJsonObject("message").getString("status")
                .equals("DELIVERED"), "delivered");
        assertEquals(409, support.post("/console/notifications/webhooks/" + id + "/retry",
                Map.of("_csrf", list.csrf())).status(), "no longer failed");
        assertEquals(null, support.get("/console/notifications").html()
                .selectFirst("input[name=ids][value=" + id + "]"), "off the list");
        assertEquals(2, RECEIVER.received(hooks).size());
    }

    private double metric(String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.E-]+)$")
                .matcher(api.get("/metrics", null).body());
        assertTrue(value.find(), name + " on /metrics");
        return Double.parseDouble(value.group(1));
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
