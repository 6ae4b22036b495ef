package dev.billingportal.domain.notification;

import dev.billingportal.domain.account.AccountId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something someone is told about by e-mail, recorded in the same database transaction as the change that caused it.
 * {@code facts} is a snapshot taken then (amounts, names...), so the mail says what was true at the time, whatever
 * changes afterwards. Events about an account name it; the provider's mails to its operators belong to no account.
 */
public record NotificationEvent(EventId id, NotificationKind kind, Optional<AccountId> accountId, Instant occurredAt,
                                Map<String, String> facts) {
    public NotificationEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isPresent() == kind.isForOperators()) {
            throw new IllegalArgumentException(kind + (kind.isForOperators() ? " belongs to no account"
                    : " belongs to an account"));
        }
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
