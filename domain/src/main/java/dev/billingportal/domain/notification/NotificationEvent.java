package dev.billingportal.domain.notification;

import dev.billingportal.domain.account.AccountId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something a portal user is told about by e-mail, recorded in the same database transaction as the
 * change that caused it. {@code facts} is a snapshot taken then (amounts, names...), so the mail says
 * what was true at the time, whatever changes afterwards.
 */
public record NotificationEvent(EventId id, NotificationKind kind, AccountId accountId, Instant occurredAt,
                                Map<String, String> facts) {
    public NotificationEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        facts = Map.copyOf(facts);
    }

    public String fact(String name) {
        String value = facts.get(name);
        if (value == null) {
            throw new IllegalStateException("Event " + id + " (" + kind + ") has no fact " + name);
        }
        return value;
    }
}
