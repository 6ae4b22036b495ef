package dev.billingportal.adapter.out.mail;

import dev.billingportal.application.port.out.OutgoingMail;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

final class MailFixtures {
    private MailFixtures() {
    }

    /** Every value any template uses, with markup in the user-controlled ones. */
    static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        values.put("firstName", "Zoë <script>alert(1)</script>");
        values.put("accountName", "Acme & Sons <b>");
        values.put("accountNumber", "ACC-000001");
        values.put("portalUrl", "http://localhost:8080");
        values.put("occurredAt", "November 25, 2026 at 3:00 AM EST (America/Toronto)");
        values.put("username", "zoe@example.com");
        values.put("link", "http://localhost:8080/invitation?token=abc_DEF-123");
        values.put("expiresAt", "December 2, 2026 at 3:00 AM EST (America/Toronto)");
        values.put("subjectName", "O'Brien <i>Pat</i>");
        values.put("subjectUsername", "pat@example.com");
        values.put("actor", "zoe@example.com");
        values.put("usersUrl", "http://localhost:8080/users");
        values.put("transactionType", "INVOICE");
        values.put("transactionLabel", "Invoice");
        values.put("amount", "113.00 CAD");
        values.put("balanceAfter", "113.00 CAD");
        values.put("postedAt", "November 25, 2026 at 3:00 AM EST (America/Toronto)");
        values.put("invoiceNumber", "INV-2026-0042");
        values.put("historyUrl", "http://localhost:8080/transactions");
        values.put("headline", "Invoice INV-2026-0042 posted: 113.00 CAD");
        // an operator's mail greets them by their name and links to the console
        values.put("name", "Zoë <script>alert(1)</script>");
        values.put("consoleUrl", "http://localhost:8080/console");
        values.put("email", "zoe@provider.example");
        values.put("role", "billing");
        values.put("what", "API key created <b>");
        values.put("subject", "Billing system <b>");
        values.put("endpoint", "https://erp.example.com/hooks?<b>");
        values.put("reason", "it answered 410 Gone, which asks for nothing more to be sent");
        values.put("webhooksUrl", "http://localhost:8080/webhooks");
        return values;
    }

    static OutgoingMail mail(NotificationKind kind, String to) {
        return new OutgoingMail(DeliveryId.random(), kind, Language.EN_CA, new EmailAddress(to), "Zoë Gagné", values());
    }

    static MailSettings smtp(int port, Duration readTimeout) {
        return new MailSettings(MailSettings.Transport.SMTP, "billing@portal.example", null, "127.0.0.1", port, null,
                null, false, Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(2), "portal.example");
    }

    static MailSettings file(Path folder) {
        return new MailSettings(MailSettings.Transport.FILE, "billing@portal.example", folder, null, 0, null, null,
                false, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), "portal.example");
    }
}
