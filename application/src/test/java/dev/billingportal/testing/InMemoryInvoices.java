package dev.billingportal.testing;

import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores copies, as a database would: applying a payment to a read invoice changes nothing until {@link #update}. */
public final class InMemoryInvoices implements Invoices {
    private final Map<InvoiceId, Invoice> invoices = new LinkedHashMap<>();

    @Override
    public synchronized void add(Invoice invoice) {
        if (numberTaken(invoice.accountId(), invoice.invoiceNumber())) {
            throw InvoiceDraft.numberTaken(invoice.invoiceNumber());
        }
        invoices.put(invoice.id(), copy(invoice));
    }

    @Override
    public synchronized Optional<Invoice> find(AccountId account, InvoiceId id) {
        return Optional.ofNullable(invoices.get(id)).filter(i -> i.accountId().equals(account))
                .map(InMemoryInvoices::copy);
    }

    @Override
    public Optional<Invoice> lock(AccountId account, InvoiceId id) {
        return find(account, id);
    }

    @Override
    public synchronized void update(Invoice invoice) {
        invoices.put(invoice.id(), copy(invoice));
    }

    @Override
    public synchronized boolean numberTaken(AccountId account, String invoiceNumber) {
        return invoices.values().stream()
                .anyMatch(i -> i.accountId().equals(account) && i.invoiceNumber().equals(invoiceNumber));
    }

    @Override
    public synchronized Set<String> numbersTaken(AccountId account, Collection<String> invoiceNumbers) {
        return invoices.values().stream()
                .filter(i -> i.accountId().equals(account) && invoiceNumbers.contains(i.invoiceNumber()))
                .map(Invoice::invoiceNumber)
                .collect(Collectors.toSet());
    }

    @Override
    public synchronized List<Invoice> newestFirst(AccountId account, OptionalLong beforeSequence, int limit) {
        return invoices.values().stream()
                .filter(i -> i.accountId().equals(account) && i.sequence() < beforeSequence.orElse(Long.MAX_VALUE))
                .sorted(Comparator.comparingLong(Invoice::sequence).reversed())
                .limit(limit)
                .map(InMemoryInvoices::copy)
                .toList();
    }

    @Override
    public synchronized Money overdue(AccountId account, CurrencyCode currency, LocalDate today) {
        return invoices.values().stream()
                .filter(i -> i.accountId().equals(account) && i.dueDate().isBefore(today))
                .map(Invoice::amountDue)
                .reduce(Money.zero(currency), Money::plus);
    }

    private static Invoice copy(Invoice i) {
        return Invoice.reconstitute(i.id(), i.accountId(), i.transactionId(), i.sequence(), i.invoiceNumber(),
                i.issueDate(), i.dueDate(), i.periodStart(), i.periodEnd(), i.lines(), i.taxes(), i.subtotal(),
                i.taxTotal(), i.total(), i.postedAt(), i.paid(), i.credited());
    }

    /** Every invoice, for the search's fake. */
    public synchronized List<Invoice> all() {
        return List.copyOf(invoices.values());
    }
}
