package dev.billingportal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.client.api.BillingApi;
import dev.billingportal.client.api.ManageUsersApi;
import dev.billingportal.client.api.OperatorAccountsApi;
import dev.billingportal.client.api.OperatorTransactionsApi;
import dev.billingportal.client.api.SigningInApi;
import dev.billingportal.client.model.AccessToken;
import dev.billingportal.client.model.CreateAccountRequest;
import dev.billingportal.client.model.CreatedAccount;
import dev.billingportal.client.model.EditPortalUser;
import dev.billingportal.client.model.Invoice;
import dev.billingportal.client.model.InvoiceLineRequest;
import dev.billingportal.client.model.InvoiceRequest;
import dev.billingportal.client.model.InvoiceTaxRequest;
import dev.billingportal.client.model.LoginRequest;
import dev.billingportal.client.model.NewPortalUser;
import dev.billingportal.client.model.PortalUser;
import dev.billingportal.client.model.SetPasswordRequest;
import dev.billingportal.client.model.Transaction;
import dev.billingportal.client.model.TransactionPage;
import dev.billingportal.client.model.TransactionRequest;
import dev.billingportal.testing.ScriptedSmtpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's developer's view of the API: a Java client generated at build time from the checked-in document
 * ({@code api/openapi.json}, which ApiDocumentLintTest holds equal to what the portal serves) drives a whole customer
 * journey against the packaged portal — nothing but the generated classes, and a plain HTTP GET for the CSV.
 */
class CustomerJourneyIT {
    private static final String OPERATOR_TOKEN = "journey-operator-token-0123456789abcdef";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern INVITATION = Pattern.compile("/invitation\\?token=([A-Za-z0-9_-]{20,})");

    private ScriptedSmtpServer smtp;
    private Process portal;
    private String base;

    @BeforeEach
    void start() throws Exception {
        smtp = new ScriptedSmtpServer();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("portal-client-journey-");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-jar", System.getProperty("portal.jar"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("portal.log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("PORTAL_") || key.startsWith("SERVER_"));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("SERVER_HOST", "127.0.0.1");
        builder.environment().put("PORTAL_DATA_DIR", dir.toString());
        builder.environment().put("PORTAL_OPERATOR_TOKEN", OPERATOR_TOKEN);
        builder.environment().put("PORTAL_BASE_URL", "http://portal.test");
        builder.environment().put("PORTAL_MAIL_TRANSPORT", "smtp");
        builder.environment().put("PORTAL_MAIL_SMTP_HOST", "127.0.0.1");
        builder.environment().put("PORTAL_MAIL_SMTP_PORT", Integer.toString(smtp.port()));
        portal = builder.start();
        base = "http://127.0.0.1:" + port;
        awaitReady(Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (portal != null) {
            portal.destroy();
            if (!portal.waitFor(30, TimeUnit.SECONDS)) {
                portal.destroyForcibly();
            }
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(portal.isAlive(), "the portal exited");
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the portal was not ready within " + timeout);
    }

    /** A client of the generated kind, signed in with {@code token} (or not at all). */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    /** The token of the invitation mailed to {@code username}, once it has arrived (quoted-printable undone). */
    private String invitationToken(String username) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (ScriptedSmtpServer.Received mail : smtp.received()) {
                if (mail.recipients().contains(username)) {
                    Matcher link = INVITATION.matcher(mail.data().replace("=\r\n", "").replace("=3D", "="));
                    if (link.find()) {
                        return link.group(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no invitation reached " + username);
    }

    @Test
    void aCustomersWholeJourneyThroughTheGeneratedClient() throws Exception {
        String ann = "ann-" + UUID.randomUUID() + "@example.com";
        CreatedAccount account = new OperatorAccountsApi(client(OPERATOR_TOKEN)).createAccount(new CreateAccountRequest()
                .name("Tremblay Plomberie").currency("CAD")
                .firstUser(new NewPortalUser().username(ann).firstName("Ann").lastName("Tremblay")
                        .timeZone("America/Toronto").billingNotifications(true)));
        String accountId = account.getId().toString();
        assertEquals("INVITED", account.getFirstUser().getStatus().getValue());

        SigningInApi signingIn = new SigningInApi(client(null));
        signingIn.acceptInvitation(new SetPasswordRequest().token(invitationToken(ann)).password(PASSWORD));
        AccessToken session = signingIn.logIn(new LoginRequest().username(ann).password(PASSWORD));
        assertEquals("Bearer", session.getTokenType());
        ApiClient annClient = client(session.getAccessToken());
        assertEquals(ann, new SigningInApi(annClient).getCurrentUser().getUser().getUsername());

        ManageUsersApi users = new ManageUsersApi(annClient);
        String bob = "bob-" + UUID.randomUUID() + "@example.com";
        PortalUser added = users.addPortalUser(accountId, new NewPortalUser().username(bob).firstName("Bob")
                .lastName("Gagnon").timeZone("America/Montreal").billingNotifications(false).language("fr-CA"));
        assertEquals("INVITED", added.getStatus().getValue());
        ApiResponse<PortalUser> read = users.getPortalUserWithHttpInfo(accountId, added.getId().toString());
        String etag = read.getHeaders().get("etag").get(0);
        PortalUser edited = users.editPortalUser(accountId, added.getId().toString(), new EditPortalUser()
                .firstName("Robert").lastName("Gagnon").timeZone("America/Montreal").billingNotifications(true)
                .language("fr-CA"), etag);
        assertEquals("Robert", edited.getFirstName());
        assertEquals(Long.valueOf(read.getData().getVersion() + 1), edited.getVersion());
        assertEquals(2, users.listPortalUsers(accountId).getItems().size());

        OperatorTransactionsApi billingSystem = new OperatorTransactionsApi(client(OPERATOR_TOKEN));
        Transaction invoice = billingSystem.postTransaction(accountId, UUID.randomUUID().toString(),
                new TransactionRequest().type(TransactionRequest.TypeEnum.INVOICE).amount("113.00").currency("CAD")
                        .reference("BILLRUN-2026-11").description("November services")
                        .invoice(new InvoiceRequest().invoiceNumber("INV-2026-0042").issueDate(LocalDate.of(2026, 11, 1))
                                .dueDate(LocalDate.of(2026, 11, 30)).periodStart(LocalDate.of(2026, 10, 1))
                                .periodEnd(LocalDate.of(2026, 10, 31))
                                .lines(List.of(new InvoiceLineRequest().description("Hosted PBX seat").quantity("10")
                                        .unitPrice("10.00").amount("100.00")))
                                .taxes(List.of(new InvoiceTaxRequest().name("HST").rate("13").amount("13.00")))));
        assertEquals("113.00", invoice.getBalanceAfter());
        Transaction payment = billingSystem.postTransaction(accountId, UUID.randomUUID().toString(),
                new TransactionRequest().type(TransactionRequest.TypeEnum.PAYMENT).amount("50.00")
                        .invoiceId(invoice.getInvoiceId()).reference("PAY-981"));
        assertEquals("63.00", payment.getBalanceAfter());

        BillingApi billing = new BillingApi(annClient);
        TransactionPage first = billing.listTransactions(accountId, null, null, 1, null, null, null);
        assertEquals(List.of(payment.getId()), first.getItems().stream().map(Transaction::getId).toList(),
                "newest first, a page of one");
        assertNotNull(first.getNextCursor());
        TransactionPage second = billing.listTransactions(accountId, first.getNextCursor(), null, 1, null, null, null);
        assertEquals(List.of(invoice.getId()), second.getItems().stream().map(Transaction::getId).toList());
        assertNull(second.getNextCursor(), "the last page");
        Invoice read2 = billing.getInvoice(accountId, invoice.getInvoiceId().toString());
        assertEquals("63.00", read2.getAmountDue());

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/accounts/" + accountId + "/transactions"))
                .header("Authorization", "Bearer " + session.getAccessToken())
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        List<String> rows = csv.body().lines().toList();
        assertEquals(3, rows.size(), "a heading and two transactions: " + rows);
        assertTrue(rows.get(1).contains("PAY-981") && rows.get(2).contains("INV-2026-0042"), rows.toString());
    }
}
