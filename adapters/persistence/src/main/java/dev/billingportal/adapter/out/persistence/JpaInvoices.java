package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.InvoiceLine;
import dev.billingportal.domain.billing.InvoiceTax;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.TransactionId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

public final class JpaInvoices implements Invoices {
    /** Numbers asked in one query: far below any database's limit on a statement's parameters. */
    private static final int NUMBERS_PER_QUERY = 500;

    private final JpaUnitOfWork unitOfWork;

    public JpaInvoices(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(Invoice invoice) {
        EntityManager em = unitOfWork.entityManager();
        InvoiceRow row = new InvoiceRow();
        row.id = invoice.id().value();
        row.accountId = invoice.accountId().value();
        row.transactionId = invoice.transactionId().value();
        row.sequence = invoice.sequence();
        row.invoiceNumber = invoice.invoiceNumber();
        row.issueDate = invoice.issueDate();
        row.dueDate = invoice.dueDate();
        row.periodStart = invoice.periodStart();
        row.periodEnd = invoice.periodEnd();
        row.currency = invoice.total().currency().value();
        row.subtotalMinor = invoice.subtotal().minor();
        row.taxMinor = invoice.taxTotal().minor();
        row.totalMinor = invoice.total().minor();
        row.postedAt = invoice.postedAt();
        copySettlement(invoice, row);
        // Written before its lines, taxes and transaction (ForeignKeyOrder); a number taken meanwhile, which the
        // ledger's lock rules out, would fail the commit on uq_invoice_number (PersistenceFailures).
        em.persist(row);
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            InvoiceLineRow lineRow = new InvoiceLineRow();
            lineRow.id = UUID.randomUUID();
            lineRow.invoiceId = row.id;
            lineRow.position = i;
            lineRow.description = line.description();
            lineRow.quantity = line.quantity().text();
            lineRow.unitPriceMinor = line.unitPrice().minor();
            lineRow.amountMinor = line.amount().minor();
            em.persist(lineRow);
        }
        for (int i = 0; i < invoice.taxes().size(); i++) {
            InvoiceTax tax = invoice.taxes().get(i);
            InvoiceTaxRow taxRow = new InvoiceTaxRow();
            taxRow.id = UUID.randomUUID();
            taxRow.invoiceId = row.id;
            taxRow.position = i;
            taxRow.name = tax.name();
            taxRow.rate = tax.rate().text();
            taxRow.amountMinor = tax.amount().minor();
            em.persist(taxRow);
        }
    }

    @Override
    public Optional<Invoice> find(AccountId account, InvoiceId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(InvoiceRow.class, id.value()))
                .filter(row -> row.accountId.equals(account.value()))
                .map(row -> withDetails(List.of(row)).get(0));
    }

    @Override
    public Optional<Invoice> lock(AccountId account, InvoiceId id) {
        return Optional.ofNullable(unitOfWork.entityManager()
                        .find(InvoiceRow.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .filter(row -> row.accountId.equals(account.value()))
                .map(row -> withDetails(List.of(row)).get(0));
    }

    @Override
    public void update(Invoice invoice) {
        InvoiceRow row = unitOfWork.entityManager().find(InvoiceRow.class, invoice.id().value());
        copySettlement(invoice, row);
    }

    @Override
    public Set<String> numbersTaken(AccountId account, Collection<String> invoiceNumbers) {
        Set<String> taken = new HashSet<>();
        for (List<String> numbers : InLists.of(List.copyOf(new LinkedHashSet<>(invoiceNumbers)), NUMBERS_PER_QUERY)) {
            if (unitOfWork.readsInListsOnAnIndexsFirstColumnOnly()) { // H2: by pairs, not the account's every row
                AccountPairs.read(unitOfWork, List.of("invoice_number"), "invoice", "invoice_number", account, numbers)
                        .forEach(row -> taken.add(row.getFirst()));
                continue;
            }
            taken.addAll(unitOfWork.entityManager()
                    .createQuery("SELECT i.invoiceNumber FROM InvoiceRow i WHERE i.accountId = :account"
                            + " AND i.invoiceNumber IN :numbers", String.class)
                    .setParameter("account", account.value())
                    .setParameter("numbers", numbers)
                    .getResultList());
        }
        return taken;
    }

    @Override
    public boolean numberTaken(AccountId account, String invoiceNumber) {
        return !unitOfWork.entityManager()
                .createQuery("SELECT i.id FROM InvoiceRow i WHERE i.accountId = :account AND i.invoiceNumber = :number",
                        UUID.class)
                .setParameter("account", account.value())
                .setParameter("number", invoiceNumber)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public List<Invoice> newestFirst(AccountId account, OptionalLong beforeSequence, int limit) {
        var query = unitOfWork.entityManager()
                .createQuery("SELECT i FROM InvoiceRow i WHERE i.accountId = :account AND i.sequence < :before"
                        + " ORDER BY i.accountId, i.sequence DESC", InvoiceRow.class) // why: see TransactionHistorySql
                .setParameter("account", account.value())
                .setParameter("before", beforeSequence.orElse(Long.MAX_VALUE))
                .setMaxResults(limit);
        List<InvoiceRow> rows = query.getResultList();
        return rows.isEmpty() ? List.of() : withDetails(rows);
    }

    @Override
    public Money overdue(AccountId account, CurrencyCode currency, LocalDate today) {
        Long overdue = unitOfWork.entityManager()
                .createQuery("SELECT SUM(i.totalMinor - i.paidMinor - i.creditedMinor) FROM InvoiceRow i"
                        + " WHERE i.accountId = :account AND i.dueDate < :today"
                        + " AND i.totalMinor > i.paidMinor + i.creditedMinor", Long.class)
                .setParameter("account", account.value())
                .setParameter("today", today)
                .getSingleResult();
        return new Money(overdue == null ? 0 : overdue, currency);
    }

    private static void copySettlement(Invoice invoice, InvoiceRow row) {
        row.paidMinor = invoice.paid().minor();
        row.creditedMinor = invoice.credited().minor();
    }

    /** Builds invoices with their lines and taxes, loaded for all of them in two queries. */
    private List<Invoice> withDetails(List<InvoiceRow> rows) {
        EntityManager em = unitOfWork.entityManager();
        Collection<UUID> ids = rows.stream().map(row -> row.id).toList();
        Map<UUID, List<InvoiceLineRow>> lines = em
                .createQuery("SELECT l FROM InvoiceLineRow l WHERE l.invoiceId IN :ids ORDER BY l.position",
                        InvoiceLineRow.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.groupingBy(line -> line.invoiceId));
        Map<UUID, List<InvoiceTaxRow>> taxes = em
                .createQuery("SELECT t FROM InvoiceTaxRow t WHERE t.invoiceId IN :ids ORDER BY t.position",
                        InvoiceTaxRow.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.groupingBy(tax -> tax.invoiceId));
        return rows.stream().map(row -> toDomain(row, lines.getOrDefault(row.id, List.of()),
                taxes.getOrDefault(row.id, List.of()))).toList();
    }

    private static Invoice toDomain(InvoiceRow row, List<InvoiceLineRow> lines, List<InvoiceTaxRow> taxes) {
        CurrencyCode currency = new CurrencyCode(row.currency);
        return Invoice.reconstitute(new InvoiceId(row.id), new AccountId(row.accountId),
                new TransactionId(row.transactionId), row.sequence, row.invoiceNumber, row.issueDate, row.dueDate,
                row.periodStart, row.periodEnd,
                lines.stream().map(line -> new InvoiceLine(line.description, Decimal.parse(line.quantity),
                        new Money(line.unitPriceMinor, currency), new Money(line.amountMinor, currency))).toList(),
                taxes.stream().map(tax -> new InvoiceTax(tax.name, Decimal.parse(tax.rate),
                        new Money(tax.amountMinor, currency))).toList(),
                new Money(row.subtotalMinor, currency), new Money(row.taxMinor, currency),
                new Money(row.totalMinor, currency), row.postedAt, new Money(row.paidMinor, currency),
                new Money(row.creditedMinor, currency));
    }
}
