package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Money;
import java.util.Optional;

public interface GetDashboardQuery {

    /** The account at a glance: its balance, its latest invoice and what is overdue. */
    record Dashboard(Account account, Money balance, Optional<InvoiceView> lastInvoice, Money amountOverdue) {
    }

    Dashboard get(Actor actor, AccountId account);
}
