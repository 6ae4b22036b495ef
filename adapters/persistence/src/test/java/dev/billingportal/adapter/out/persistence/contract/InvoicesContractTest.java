package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceArithmetic;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.InvoiceStatus;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.testing.Stores;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** What the services rely on from {@code Invoices}. */
class InvoicesContractTest {
    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);

    /** An invoice of 113.00 (one line of 100.00, HST 13.00), due {@code due}. */
    private static Invoice invoice(Account account, String number, long sequence, LocalDate due) {
        InvoiceDraft draft = new InvoiceDraft(number, ISSUED, due, ISSUED.minusMonths(1), ISSUED.minusDays(1),
                List.of(new InvoiceDraft.LineDraft("Hosted PBX seat", Decimal.parse("10"), Decimal.parse("10.00"),
                        Decimal.parse("100.00"))),
                List.of(new InvoiceDraft.TaxDraft("HST", Decimal.parse("13"), Decimal.parse("13.00"))));
        Money total = new Money(11_300, account.currency());
        return Invoice.issue(InvoiceId.random(), account.id(), TransactionId.random(), sequence, draft,
                InvoiceArithmetic.check(draft, account.currency(), total), NOW);
    }

    @EveryStore
    void anInvoiceIsStoredWithItsLinesTaxesAndWhatWasAppliedToIt(Stores stores) {
        Account account = account(stores);
        Invoice invoice = invoice(account, "INV-1", 1, ISSUED.plusDays(29));
        stores.unitOfWork().inTransaction(() -> stores.invoices().add(invoice));

        stores.unitOfWork().inTransaction(() -> {
            Invoice locked = stores.invoices().lock(account.id(), invoice.id()).orElseThrow();
            locked.apply(TransactionType.PAYMENT, new Money(5_000, account.currency()));
            locked.apply(TransactionType.CREDIT, new Money(300, account.currency()));
            stores.invoices().update(locked);
        });

        Invoice read = stores.unitOfWork().inTransaction(() -> stores.invoices().find(account.id(), invoice.id()))
                .orElseThrow();
        assertEquals(invoice.lines(), read.lines());
        assertEquals(invoice.taxes(), read.taxes());
        assertEquals(invoice.total(), read.total());
        assertEquals(ISSUED.minusMonths(1), read.periodStart());
        assertEquals(new Money(5_000, account.currency()), read.paid());
        assertEquals(new Money(300, account.currency()), read.credited());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, read.status());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.invoices().find(account(stores).id(), invoice.id()))
                .isEmpty(), "another account's invoice is not found");
    }

    @EveryStore
    void anInvoiceNumberIsUniqueWithinItsAccount(Stores stores) {
        Account account = account(stores);
        stores.unitOfWork().inTransaction(() -> stores.invoices().add(invoice(account, "INV-7", 1, ISSUED)));

        assertTrue(stores.unitOfWork().inTransaction(() -> stores.invoices().numberTaken(account.id(), "INV-7")));
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.invoices().numberTaken(account.id(), "INV-8")));
        List<String> asked = new java.util.ArrayList<>(List.of("INV-8", "INV-7", "INV-7"));
        for (int i = 0; i < 1_200; i++) {
            asked.add("FREE-" + i); // past one query's worth of numbers
        }
        assertEquals(Set.of("INV-7"), stores.unitOfWork().inTransaction(
                () -> stores.invoices().numbersTaken(account.id(), asked)));
        assertEquals(Set.of(), stores.unitOfWork().inTransaction(
                () -> stores.invoices().numbersTaken(account(stores).id(), asked)), "numbers are per account");
        assertThrows(StateConflict.class, () -> stores.unitOfWork().inTransaction(
                () -> stores.invoices().add(invoice(account, "INV-7", 2, ISSUED))));
        Account other = account(stores);
        stores.unitOfWork().inTransaction(() -> stores.invoices().add(invoice(other, "INV-7", 1, ISSUED)));
    }

    @EveryStore
    void invoicesAreNewestFirstAndWhatIsOverdueIsSummed(Stores stores) {
        Account account = account(stores);
        Invoice paid = invoice(account, "INV-1", 1, ISSUED.plusDays(10));
        paid.apply(TransactionType.PAYMENT, paid.total());
        Invoice partly = invoice(account, "INV-2", 2, ISSUED.plusDays(10));
        partly.apply(TransactionType.PAYMENT, new Money(1_300, account.currency()));
        Invoice notDueYet = invoice(account, "INV-3", 3, ISSUED.plusDays(30));
        stores.unitOfWork().inTransaction(() -> List.of(paid, partly, notDueYet).forEach(stores.invoices()::add));

        assertEquals(List.of("INV-3", "INV-2", "INV-1"), stores.unitOfWork().inTransaction(
                () -> stores.invoices().newestFirst(account.id(), OptionalLong.empty(), 10)).stream()
                .map(Invoice::invoiceNumber).toList());
        assertEquals(List.of("INV-1"), stores.unitOfWork().inTransaction(
                () -> stores.invoices().newestFirst(account.id(), OptionalLong.of(2), 10)).stream()
                .map(Invoice::invoiceNumber).toList());
        assertEquals(new Money(10_000, account.currency()), stores.unitOfWork().inTransaction(
                () -> stores.invoices().overdue(account.id(), account.currency(), ISSUED.plusDays(11))),
                "only INV-2's 100.00 left due, after its due date");
        assertEquals(Money.zero(account.currency()), stores.unitOfWork().inTransaction(
                () -> stores.invoices().overdue(account.id(), account.currency(), ISSUED.plusDays(10))),
                "not overdue on its due date");
    }
}
