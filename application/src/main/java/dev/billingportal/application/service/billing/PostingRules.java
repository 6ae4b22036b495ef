package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.RuleViolation;
import java.time.Duration;
import java.time.Instant;

/**
 * What a posting must satisfy against its account (spec §5), whatever posts it: a single posting checks these as it
 * writes, a bill run's validation before anything is written — one set of rules, so one set of messages.
 */
public final class PostingRules {
    /** How far ahead of now a posting may be dated. */
    static final Duration MAX_FUTURE = Duration.ofDays(1);

    private PostingRules() {
    }

    /** The currency, if given, is the account's. */
    public static void currency(TransactionRequest request, Account account) {
        if (request.currency().isPresent() && !request.currency().get().equals(account.currency())) {
            throw RuleViolation.field("currency", "must be the account's currency " + account.currency());
        }
    }

    /** The amount in the account's currency (its minor digits exactly), greater than zero. */
    public static Money amount(TransactionRequest request, Account account) {
        Money amount;
        try {
            amount = Money.of(request.amount(), account.currency());
        } catch (InvalidValue invalid) {
            throw InvalidInput.field("amount", invalid.getMessage());
        }
        if (!amount.isPositive()) {
            throw InvalidInput.field("amount", "must be greater than zero; the type gives the sign");
        }
        return amount;
    }

    /** When the posting is dated: as given (back-dating allowed, at most a day ahead), or now. */
    public static Instant postedAt(TransactionRequest request, Instant now) {
        Instant postedAt = request.postedAt().orElse(now);
        if (postedAt.isAfter(now.plus(MAX_FUTURE))) {
            throw RuleViolation.field("postedAt", "must not be more than a day in the future");
        }
        return postedAt;
    }
}
