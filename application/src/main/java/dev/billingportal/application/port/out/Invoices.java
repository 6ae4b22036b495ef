package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/** Invoices, with what has been applied to them. */
public interface Invoices {

    /** Stores a new invoice; an invoice number the account already used is a {@code StateConflict}. */
    void add(Invoice invoice);

    Optional<Invoice> find(AccountId account, InvoiceId id);

    /** Reads an invoice and locks it until the unit of work ends. */
    Optional<Invoice> lock(AccountId account, InvoiceId id);

    /** Saves what was applied to the invoice. */
    void update(Invoice invoice);

    boolean numberTaken(AccountId account, String invoiceNumber);

    /** Which of {@code invoiceNumbers} the account's invoices already carry: a bill run's slice asks once an account. */
    Set<String> numbersTaken(AccountId account, Collection<String> invoiceNumbers);

    /** Newest first (by the sequence of the transaction that issued them), below {@code beforeSequence} if given. */
    List<Invoice> newestFirst(AccountId account, OptionalLong beforeSequence, int limit);

    /** What is still due on invoices whose due date is before {@code today}. */
    Money overdue(AccountId account, CurrencyCode currency, LocalDate today);
}
