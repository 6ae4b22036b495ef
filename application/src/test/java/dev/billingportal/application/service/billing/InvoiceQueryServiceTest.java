package dev.billingportal.application.service.billing;

import static dev.billingportal.application.service.billing.Postings.command;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.GetDashboardQuery;
import dev.billingportal.application.port.in.billing.InvoiceDetail;
import dev.billingportal.application.port.in.billing.InvoiceView;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.application.port.out.InvoiceDocuments;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invoices and the dashboard as a reader sees them: overdue after the due date on the reader's own calendar. */
class InvoiceQueryServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final PostTransactionService posting = portal.postTransaction();
    private final InvoiceDocuments documents = (account, invoice, language) ->
            ("PDF of " + invoice.invoiceNumber() + " for " + account.name()).getBytes(StandardCharsets.UTF_8);
    private final InvoiceQueryService service = new InvoiceQueryService(portal.stores.unitOfWork(),
            portal.stores.accounts(), portal.stores.users(), portal.stores.invoices(), portal.stores.ledgers(),
            portal.stores.transactions(), documents, portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);

    private Transaction invoice(String number) {
        return posting.post(command(account.id(), number, Postings.invoice(number))).transaction();
    }

    @Test
    void anUnpaidInvoiceIsOverdueTheDayAfterItsDueDateInTheReadersZone() {
        Transaction issued = invoice("INV-1");
        portal.clock.set(Instant.parse("2026-12-01T04:59:59Z")); // still Nov 30 in Toronto

        assertFalse(service.get(InMemoryPortal.actor(ann), account.id(), issued.invoiceId()).overdue());
        assertTrue(service.get(Actor.INSTALLATION, account.id(), issued.invoiceId()).overdue(), "Dec 1 in UTC");

        portal.clock.set(Instant.parse("2026-12-01T05:00:00Z"));
        assertTrue(service.get(InMemoryPortal.actor(ann), account.id(), issued.invoiceId()).overdue());
    }

    @Test
    void theDashboardShowsBalanceLastInvoiceAndWhatIsOverdue() {
        Transaction first = invoice("INV-1");
        invoice("INV-2");
        posting.post(command(account.id(), "pay", Postings.payment("13.00", first.invoiceId().toString())));
        portal.clock.set(Instant.parse("2026-12-02T12:00:00Z"));

        GetDashboardQuery.Dashboard dashboard = service.get(InMemoryPortal.actor(ann), account.id());

        assertEquals("213.00", dashboard.balance().toString());
        assertEquals("INV-2", dashboard.lastInvoice().orElseThrow().invoice().invoiceNumber());
        assertEquals("213.00", dashboard.amountOverdue().toString());
    }

    @Test
    void anInvoicesDetailHoldsWhatWasPaidAndCreditedInPostingOrder() {
        Transaction first = invoice("INV-1");
        Transaction second = invoice("INV-2");
        String id = first.invoiceId().toString();
        posting.post(command(account.id(), "pay", Postings.payment("13.00", id)));
        posting.post(command(account.id(), "other", Postings.payment("1.00", second.invoiceId().toString())));
        posting.post(command(account.id(), "credit", new TransactionInput("CREDIT", "10.00", null, null,
                "Goodwill", null, id, null)));

        InvoiceDetail detail = service.detail(InMemoryPortal.actor(ann), account.id(), first.invoiceId());

        assertEquals("INV-1", detail.view().invoice().invoiceNumber());
        assertEquals(List.of("PAYMENT 13.00", "CREDIT 10.00"), detail.applied().stream()
                .map(applied -> applied.type() + " " + applied.amount()).toList());
        assertEquals("90.00", detail.view().invoice().amountDue().toString());
        PortalUser stranger = portal.active(portal.account(), "Stranger", false);
        assertThrows(NotFound.class, () -> service.detail(InMemoryPortal.actor(stranger), account.id(),
                first.invoiceId()));
    }

    @Test
    void theLastMonthsSumInvoicesAndPaymentsByCalendarMonthInTheReadersZone() {
        invoice("INV-1"); // posted at the clock's now, 2026-11-25
        posting.post(command(account.id(), "p1", Postings.of("PAYMENT", "13.00", "2026-11-01T03:30:00Z", "EARLY")));
        posting.post(command(account.id(), "p2", Postings.of("PAYMENT", "7.00", "2026-10-15T12:00:00Z", "OCT")));

        List<GetDashboardQuery.MonthTotals> months = service.lastMonths(InMemoryPortal.actor(ann), account.id(), 12);

        assertEquals(12, months.size());
        assertEquals(java.time.YearMonth.of(2026, 11), months.get(11).month(), "this month last");
        assertEquals(java.time.YearMonth.of(2025, 12), months.get(0).month());
        assertEquals("113.00", months.get(11).invoiced().toString());
        assertEquals("0.00", months.get(11).paid().toString(), "03:30Z on November 1st is October 31 in Toronto");
        assertEquals("20.00", months.get(10).paid().toString());
        assertEquals("0.00", months.get(0).invoiced().toString());
        assertThrows(NotFound.class, () -> service.lastMonths(InMemoryPortal.actor(portal.active(portal.account(),
                "Stranger", false)), account.id(), 12));
    }

    @Test
    void invoicesAreListedNewestFirstAndRenderedForTheirAccountOnly() {
        invoice("INV-1");
        Transaction second = invoice("INV-2");

        List<String> numbers = service.list(InMemoryPortal.actor(ann), account.id(), PageRequest.first(10)).items()
                .stream().map(InvoiceView::invoice).map(invoice -> invoice.invoiceNumber()).toList();

        assertEquals(List.of("INV-2", "INV-1"), numbers);
        assertArrayEquals(("PDF of INV-2 for " + account.name()).getBytes(StandardCharsets.UTF_8),
                service.render(InMemoryPortal.actor(ann), account.id(), second.invoiceId()));
        PortalUser stranger = portal.active(portal.account(), "Stranger", false);
        assertThrows(NotFound.class, () -> service.render(InMemoryPortal.actor(stranger), account.id(),
                second.invoiceId()));
        assertThrows(NotFound.class, () -> service.get(InMemoryPortal.actor(ann), account.id(), InvoiceId.random()));
    }
}
