package dev.billingportal.domain.audit;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** What an audit entry is about: a portal user, an operator, an API key, a transaction, a notification, an account, a
 * webhook endpoint, a bill run. */
public record AuditSubject(Kind kind, UUID id, String label) {
    public enum Kind {
        PORTAL_USER, OPERATOR, API_KEY, ACCOUNT, TRANSACTION, NOTIFICATION, WEBHOOK_ENDPOINT, BILL_RUN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AuditSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
