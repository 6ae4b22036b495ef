package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.bootstrap.support.WebhookReceiver;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committed change never loses its webhook message, even when the process is killed (SIGKILL): before the relay
 * published it, or while the receiver held the request. After a restart the message is delivered, and a message sent
 * again carries the same {@code webhook-id} (a receiver deduplicates on it).
 */
class WebhookCrashIT {
    @TempDir
    Path workingDir;
    private GreenMail smtp;
    private int smtpPort;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        smtpPort = PortalProcess.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        smtp.stop();
    }

    private Map<String, String> environment(String role) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PORTAL_DATA_DIR", workingDir.resolve("data").toString(),
                "PORTAL_OPERATOR_TOKEN", TestPortal.OPERATOR_TOKEN,
                "PORTAL_ROLE", role,
                "PORTAL_MAIL_TRANSPORT", "smtp",
                "PORTAL_MAIL_SMTP_HOST", "127.0.0.1",
                "PORTAL_MAIL_SMTP_PORT", Integer.toString(smtpPort),
                "PORTAL_WEBHOOKS_INSECURE_HOSTS", "127.0.0.1",
                "PORTAL_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32",
                "PORTAL_WEBHOOKS_SCHEDULER_INTERVAL_MS", "200"));
        return environment;
    }

    /** A provider endpoint (it hears every account) and an account; returns the endpoint's answer and the account. */
    private static String[] endpointAndAccount(Api api, String url) {
        Api.Reply endpoint = api.post("/api/v1/operator/webhook-endpoints", TestPortal.OPERATOR_TOKEN,
                "{\"url\":\"" + url + "\",\"eventTypes\":[\"transaction.posted\"]}");
        assertEquals(201, endpoint.status(), endpoint.body());
        Api.Reply account = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                OperatorAccountsTest.account("crash-" + UUID.randomUUID() + "@example.com"));
        assertEquals(201, account.status(), account.body());
        return new String[] {endpoint.json().getJsonObject("endpoint").getString("id"),
                account.json().getString("id")};
    }

    @Test
    void messagesCommittedBeforeTheRelayRanAreDeliveredOnceAfterAKillAndARestart() {
        int port = PortalProcess.freePort();
        String hooks = "/committed";
        try (PortalProcess api = PortalProcess.start(workingDir, port, environment("api"))) {
            String accountId = endpointAndAccount(api.api(), receiver.url(hooks))[1];
            for (int i = 0; i < 10; i++) {
                assertEquals(201, new Billing(api.api()).post(accountId, Billing.payment("1.00", null, "K" + i))
                        .status());
            }
            api.kill();
        }
        assertEquals(List.of(), receiver.received(hooks), "nothing was sent before the kill");

        try (PortalProcess restarted = PortalProcess.start(workingDir, port, environment("all"))) {
            Await.until(Duration.ofSeconds(30), () -> receiver.received(hooks).size() >= 10, "every committed event");
            Await.sleep(Duration.ofSeconds(2));
            assertEquals(10, receiver.received(hooks).size());
            assertEquals(10, receiver.received(hooks).stream().map(WebhookReceiver.Request::webhookId).distinct()
                    .count(), "each message once");
        }
    }

    @Test
    void aProcessKilledWhileTheReceiverHeldTheRequestSendsItAgainWithTheSameWebhookId() {
        int port = PortalProcess.freePort();
        String hooks = "/held";
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(hooks, request -> calls.incrementAndGet() == 1
                ? new WebhookReceiver.Answer(204, Duration.ofSeconds(20), Map.of())
                : WebhookReceiver.Answer.status(204));
        String endpointId;
        try (PortalProcess portal = PortalProcess.start(workingDir, port, environment("all"))) {
            String[] ids = endpointAndAccount(portal.api(), receiver.url(hooks));
            endpointId = ids[0];
            assertEquals(201, new Billing(portal.api()).post(ids[1], Billing.payment("3.00", null, "HELD"))
                    .status());
            Await.until(Duration.ofSeconds(20), () -> receiver.received(hooks).size() == 1, "the request held");
            portal.kill(); // the attempt is under way: nothing of it was recorded
        }

        try (PortalProcess restarted = PortalProcess.start(workingDir, port, environment("all"))) {
            // The killed worker's lease (60 s) runs out; the scheduler then queues the message again.
            Await.until(Duration.ofSeconds(100), () -> receiver.received(hooks).size() >= 2, "sent again");
            List<WebhookReceiver.Request> received = receiver.received(hooks);
            assertEquals(received.get(0).webhookId(), received.get(1).webhookId(), "the same webhook-id");
            assertEquals(received.get(0).body(), received.get(1).body(), "the same body");
            String log = "/api/v1/operator/webhook-endpoints/" + endpointId + "/messages";
            JsonObject message = Await.result(Duration.ofSeconds(10), () -> {
                JsonObject first = restarted.api().get(log, TestPortal.OPERATOR_TOKEN).json().getJsonArray("items")
                        .getJsonObject(0);
                return first.getString("status").equals("DELIVERED") ? java.util.Optional.of(first)
                        : java.util.Optional.empty();
            }, "the message delivered in the log");
            assertEquals(1, message.getInt("attempts"), "the killed attempt left nothing recorded");
            Await.sleep(Duration.ofSeconds(2));
            assertEquals(2, receiver.received(hooks).size(), "and no more");
        }
    }
}
