package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.adapter.out.messaging.StandaloneBroker;
import dev.billingportal.adapter.out.persistence.TestPostgres;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Billing;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.TestPortal;
import dev.billingportal.testing.ScriptedSmtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec §10: a primary/backup pair made by {@code create-broker.sh --primary/--backup} (a shared store), the portal
 * connected with the HA URL. The primary is killed (SIGKILL) under load; the backup takes over, the portal's
 * clients fail over to it, and every committed notification is mailed exactly once.
 */
class BrokerFailoverIT {
    private static final int PAYMENTS = 400;
    private static final int CLIENTS = 4;

    @TempDir
    Path workingDir;

    @Test
    void theBackupTakesOverWhenThePrimaryIsKilledUnderLoadAndNoMailIsLostOrSentTwice() throws Exception {
        int primaryPort = PortalProcess.freePort();
        int backupPort = PortalProcess.freePort();
        Path shared = workingDir.resolve("shared-store");
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer();
             StandaloneBroker primary = StandaloneBroker.create(workingDir.resolve("primary"), primaryPort,
                     "--primary", "--peer", "127.0.0.1:" + backupPort, "--shared-data", shared.toString());
             StandaloneBroker backup = StandaloneBroker.create(workingDir.resolve("backup"), backupPort,
                     "--backup", "--peer", "127.0.0.1:" + primaryPort, "--shared-data", shared.toString())) {
            primary.start();
            backup.startBackup();
            String haUrl = "(tcp://127.0.0.1:" + primaryPort + ",tcp://127.0.0.1:" + backupPort
                    + ")?ha=true&reconnectAttempts=-1";
            Map<String, String> environment = new HashMap<>(StandaloneBroker.portalEnvironment(haUrl));
            environment.putAll(Map.of(
                    "PORTAL_ROLE", "all",
                    "PORTAL_DATA_DIR", workingDir.resolve("portal").toString(),
                    "PORTAL_DB_URL", TestPostgres.newDatabase(), "PORTAL_DB_USER", "postgres",
                    "PORTAL_OPERATOR_TOKEN", TestPortal.OPERATOR_TOKEN,
                    "PORTAL_MAIL_TRANSPORT", "smtp", "PORTAL_MAIL_SMTP_HOST", "127.0.0.1",
                    "PORTAL_MAIL_SMTP_PORT", Integer.toString(smtp.port()),
                    "PORTAL_OUTBOX_POLL_INTERVAL_MS", "200",
                    "PORTAL_RATE_LIMIT_PER_ADDRESS", "0"));
            try (PortalProcess portal = PortalProcess.start(workingDir.resolve("run"), PortalProcess.freePort(),
                    environment)) {
                Api api = portal.api();
                String username = "failover-" + UUID.randomUUID() + "@example.com";
                Api.Reply created = api.post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                        OperatorAccountsTest.account(username));
                assertEquals(201, created.status(), created.body());
                String accountId = created.json().getString("id");

                AtomicInteger posted = new AtomicInteger();
                AtomicInteger next = new AtomicInteger();
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    running.add(clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < PAYMENTS; i = next.getAndIncrement()) {
                            new Billing(api).postUntilTaken(accountId, "failover-" + i,
                                    Billing.payment("1.00", null, "FO-" + i), status -> { });
                            posted.incrementAndGet();
                        }
                        return null;
                    }));
                }
                Await.until(Duration.ofSeconds(120), () -> posted.get() >= PAYMENTS / 3 && smtp.received().size() > 20,
                        "load under way");
                long killed = System.nanoTime();
                primary.kill();
                backup.awaitLog("AMQ221010", Duration.ofSeconds(60)); // Backup Server is now active
                long active = System.nanoTime();
                int mailsAtActivation = smtp.received().size();
                Await.until(Duration.ofSeconds(60), () -> smtp.received().size() > mailsAtActivation,
                        "mail flowing through the backup");
                long flowing = System.nanoTime();
                for (Future<?> client : running) {
                    client.get(3, TimeUnit.MINUTES);
                }
                clients.shutdown();

                Await.until(Duration.ofSeconds(120), () -> smtp.received().size() >= PAYMENTS + 1,
                        "the invitation and every payment's mail");
                Await.sleep(Duration.ofSeconds(3));
                long distinct = smtp.received().stream().map(ScriptedSmtpServer.Received::messageId).distinct()
                        .count();
                String figures = "BrokerFailoverIT: primary killed → backup active " + millis(killed, active)
                        + " ms; → mail flowing again " + millis(killed, flowing) + " ms; mails "
                        + smtp.received().size() + ", distinct " + distinct + "\n";
                System.out.print(figures);
                Files.createDirectories(Path.of("target", "scale-out"));
                Files.writeString(Path.of("target", "scale-out", "BrokerFailoverIT.txt"), figures);
                assertEquals(PAYMENTS + 1, distinct, "every notification mailed");
                assertEquals(PAYMENTS + 1, smtp.received().size(), "none twice: a broker failing over is not a "
                        + "worker killed mid-send");
                for (String status : List.of("PENDING", "FAILED")) {
                    Api.Reply page = api.get("/api/v1/operator/notifications?status=" + status,
                            TestPortal.OPERATOR_TOKEN);
                    assertEquals(0, page.json().getJsonArray("items").size(), status + ": " + page.body());
                }
                assertEquals(0, backup.depth("billing.notifications.dlq"), "nothing dead-lettered");
            }
        }
    }

    private static long millis(long from, long to) {
        return Duration.ofNanos(to - from).toMillis();
    }
}
