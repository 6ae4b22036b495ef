package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.Api;
import dev.billingportal.bootstrap.support.Await;
import dev.billingportal.bootstrap.support.Mailbox;
import dev.billingportal.bootstrap.support.MailedLinks;
import dev.billingportal.bootstrap.support.Onboarding;
import dev.billingportal.bootstrap.support.PortalProcess;
import dev.billingportal.bootstrap.support.WebClient;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo mode as {@code ./portal.sh demo} runs it: the packaged portal with {@code portal.demo=true} seeds its account,
 * mails the first user's invitation, and that one link leads to a dashboard with data; started again on the same
 * database, it refuses to seed a portal that holds accounts, and does not start.
 */
class DemoModeIT {
    private static final Pattern LINK = Pattern.compile("http://\\S+/invitation\\?token=([A-Za-z0-9_-]+)");

    @TempDir
    Path workingDir;

    @Test
    void theOneLinkTheDemoMailsOpensADashboardWithDataAndADemoNeverSeedsAPortalThatHoldsAccounts() {
        int port = PortalProcess.freePort();
        Map<String, String> environment = Map.of("PORTAL_DEMO", "true");
        long launched = System.nanoTime();
        try (PortalProcess portal = PortalProcess.start(workingDir, port, environment)) {
            String token = Await.result(Duration.ofSeconds(30), () -> invitationToken(workingDir.resolve("data/mail")),
                    "the demo's invitation");
            Duration toLink = Duration.ofNanos(System.nanoTime() - launched);
            assertTrue(toLink.compareTo(Duration.ofSeconds(30)) < 0, "the link within 30 s of the start: " + toLink);

            URI site = URI.create("http://127.0.0.1:" + port);
            WebClient web = new WebClient(site);
            MailedLinks.awaitLive(new Api(site), "/invitation?token=" + token);
            WebClient.Page form = web.get("/invitation?token=" + token);
            assertEquals(200, form.status(), form.body());
            WebClient.Page accepted = web.post("/invitation", Map.of("_csrf", form.csrf(), "token", token,
                    "password", Onboarding.PASSWORD, "confirmation", Onboarding.PASSWORD));
            assertEquals(303, accepted.status(), accepted.body());
            assertEquals(Optional.of("/"), accepted.header("Location"));

            WebClient.Page dashboard = web.get("/");
            assertEquals(200, dashboard.status());
            String figures = dashboard.html().select(".figures").text();
            assertTrue(dashboard.body().contains("Érablière Télécom inc.") && figures.contains("Balance owing")
                    && !figures.contains("No invoice yet"), figures);
            assertEquals(5, dashboard.html().select(".table--latest tbody tr").size(), "five latest transactions");

            WebClient.Page invoices = web.get("/invoices");
            assertEquals(18, invoices.html().select(".table--invoices tbody tr").size(), "18 months of invoices");
            List<String> statuses = invoices.html().select(".table--invoices .badge").eachText();
            assertEquals(List.of("Open", "Overdue"), statuses.subList(0, 2), statuses.toString());
            assertEquals(16, statuses.stream().filter("Paid"::equals).count(), statuses.toString());

            String notifications = web.get("/notifications").html().select(".table--notifications").text();
            assertTrue(notifications.contains("chloe.gagnon@example.com") && notifications.contains("Sent"),
                    notifications);

            // The provider's side: the demo administrator is invited to the console, and listed as such.
            Await.until(Duration.ofSeconds(30), () -> operatorInvitationMailed(workingDir.resolve("data/mail")),
                    "the demo operator's invitation to the console");
            Api api = new Api(URI.create("http://127.0.0.1:" + port));
            String installationKey = readString(workingDir.resolve("data/operator-token")).strip();
            String operators = api.get("/api/v1/operator/operators", installationKey).body();
            assertTrue(operators.contains("olivia.ouellet@provider.example") && operators.contains("\"admin\""),
                    operators);
            portal.stop();
        }

        try (PortalProcess again = PortalProcess.launch(workingDir, port, environment)) {
            assertNotEquals(0, again.awaitExit(Duration.ofSeconds(60)), "a second seeding does not start");
            assertTrue(again.output().contains("already holds accounts"), again.output());
        }
    }

    private static Optional<String> invitationToken(Path mail) {
        if (!Files.isDirectory(mail)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(mail)) {
            for (Path file : files.filter(path -> path.getFileName().toString().contains("-invitation-")).toList()) {
                MimeMessage eml;
                try (InputStream in = Files.newInputStream(file)) {
                    eml = new MimeMessage(Session.getInstance(new Properties()), in);
                }
                Matcher link = LINK.matcher(Mailbox.text(eml));
                if (((InternetAddress) eml.getAllRecipients()[0]).getAddress().equals("alice.tremblay@example.com")
                        && link.find()) {
                    return Optional.of(link.group(1));
                }
            }
            return Optional.empty();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static boolean operatorInvitationMailed(Path mail) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(mail)) {
            for (Path file : files.filter(path -> path.getFileName().toString().contains("-operator_invitation-"))
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage eml = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (Mailbox.text(eml).contains("/console/invitation?token=")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (java.io.IOException | jakarta.mail.MessagingException notYet) {
            return false;
        }
    }

    private static String readString(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
