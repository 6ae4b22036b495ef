package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Money;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

public interface GetDashboardQuery {

    /** The account at a glance: its balance, its latest invoice and what is overdue. */
    record Dashboard(Account account, Money balance, Optional<InvoiceView> lastInvoice, Money amountOverdue) {
    }

    Dashboard get(Actor actor, AccountId account);

    /** What was invoiced and what was paid in one calendar month of the reader's time zone. */
    record MonthTotals(YearMonth month, Money invoiced, Money paid) {
    }

    /** The last {@code months} calendar months in the reader's zone, this one included, oldest first. */
    List<MonthTotals> lastMonths(Actor actor, AccountId account, int months);
}
