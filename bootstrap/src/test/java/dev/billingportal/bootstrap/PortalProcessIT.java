package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.TestPortal;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged portal as a process: no-configuration start, restarts, an occupied port. */
class PortalProcessIT {
    @TempDir
    Path workingDir;

    @Test
    void startsWithNothingConfiguredButThePortAndWritesTheInvitationAsAnEmlFile() throws Exception {
        int port = PortalProcess.freePort();
        try (PortalProcess portal = PortalProcess.start(workingDir, port, Map.of())) {
            Path tokenFile = workingDir.resolve("data/operator-token");
            assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            String token = Files.readString(tokenFile).strip();
            assertTrue(portal.output().contains(tokenFile.toString()), "the token's path is logged");
            assertFalse(portal.output().contains(token), "the token itself never is");
            assertTrue(Files.isDirectory(workingDir.resolve("data/db")), "H2 under ./data");
            assertTrue(Files.isDirectory(workingDir.resolve("data/broker")), "the broker journal under ./data");

            Api.Reply created = portal.api().post("/api/v1/operator/accounts", token,
                    OperatorAccountsTest.account("eml@example.com"));
            assertEquals(201, created.status(), created.body());

            Path mail = workingDir.resolve("data/mail");
            Await.until(Duration.ofSeconds(10), () -> emlFiles(mail).size() == 1, "an .eml file appears");
            MimeMessage eml;
            try (InputStream in = Files.newInputStream(emlFiles(mail).get(0))) {
                eml = new MimeMessage(Session.getInstance(new Properties()), in);
            }
            assertEquals("eml@example.com", ((InternetAddress) eml.getAllRecipients()[0]).getAddress());
            String text = Mailbox.text(eml);
            assertTrue(text.matches("(?s).*http://localhost:8080/invitation\\?token=[A-Za-z0-9_-]{43}\\s.*"), text);
        }
    }

    @Test
    void dataAndUndeliveredMailSurviveARestart() {
        int port = PortalProcess.freePort();
        int smtpPort = PortalProcess.freePort(); // nothing listens there yet: the mail server is down
        Map<String, String> environment = new HashMap<>(Map.of(
                "PORTAL_DATA_DIR", workingDir.resolve("portal-data").toString(),
                "PORTAL_OPERATOR_TOKEN", TestPortal.OPERATOR_TOKEN,
                "PORTAL_MAIL_TRANSPORT", "smtp",
                "PORTAL_MAIL_SMTP_HOST", "127.0.0.1",
                "PORTAL_MAIL_SMTP_PORT", Integer.toString(smtpPort),
                "PORTAL_NOTIFICATIONS_RETRY_INITIAL_DELAY_MS", "300",
                "PORTAL_NOTIFICATIONS_RETRY_MAX_DELAY_MS", "1000",
                "PORTAL_NOTIFICATIONS_MAX_ATTEMPTS", "1000"));
        String accountId;
        try (PortalProcess first = PortalProcess.start(workingDir, port, environment)) {
            Api.Reply created = first.api().post("/api/v1/operator/accounts", TestPortal.OPERATOR_TOKEN,
                    OperatorAccountsTest.account("restart@example.com"));
            assertEquals(201, created.status(), created.body());
            accountId = created.json().getString("id");
            Await.sleep(Duration.ofSeconds(2)); // a few failed attempts against the dead mail server
            first.stop();
        }

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (PortalProcess second = PortalProcess.start(workingDir, port, environment)) {
            Api.Reply read = second.api().get("/api/v1/operator/accounts/" + accountId, TestPortal.OPERATOR_TOKEN);
            assertEquals(200, read.status(), "the account survived the restart");
            Await.until(Duration.ofSeconds(30), () -> smtp.getReceivedMessages().length == 1,
                    "the invitation is delivered after the restart");
            Await.never(Duration.ofSeconds(1), () -> smtp.getReceivedMessages().length > 1, "it was sent twice");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void anOccupiedPortMakesItExitNonZeroWithAClearMessage() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            PortalProcess portal = PortalProcess.launch(workingDir, occupied.getLocalPort(), Map.of(
                    "PORTAL_DATA_DIR", workingDir.resolve("data").toString()));
            int exit = portal.awaitExit(Duration.ofSeconds(60));

            assertNotEquals(0, exit, portal.output());
            assertTrue(portal.output().contains("already in use"), portal.output());
        }
    }

    private static List<Path> emlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".eml")).toList();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
