package dev.billingportal.application.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.account.AccountCreated;
import dev.billingportal.application.service.account.CreateAccountService;
import dev.billingportal.application.service.billing.PostTransactionService;
import dev.billingportal.application.service.user.AddPortalUserService;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceStatus;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.UserStatus;
import dev.billingportal.testing.InMemoryPortal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Demo mode's account: a lived-in history that adds up, in an empty portal only. */
class DemoAccountServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final DemoAccountService demo = new DemoAccountService(portal.stores.unitOfWork(),
            portal.stores.accounts(),
            new CreateAccountService(portal.stores.unitOfWork(), portal.stores.accounts(), portal.invitations,
                    portal.stores.auditLog(), portal.clock),
            new AddPortalUserService(portal.stores.unitOfWork(), portal.stores.accounts(), portal.stores.users(),
                    portal.invitations, portal.recorder, portal.webhooks, portal.clock),
            portal.postTransaction(),
            portal.stores.users(), InMemoryPortal.HASHER, portal.clock);

    @Test
    void eighteenMonthsOfInvoicesPaidButTheLastTwoWithARefundACreditAndSentNotifications() {
        AccountCreated created = demo.seed();

        List<Invoice> invoices = portal.stores.invoices().newestFirst(created.account().id(), OptionalLong.empty(),
                100);
        assertEquals(DemoAccountService.MONTHS, invoices.size());
        LocalDate today = portal.clock.instant().atZone(ZoneId.of("America/Toronto")).toLocalDate();
        assertEquals(InvoiceStatus.OPEN, invoices.get(0).status(), "this month's");
        assertFalse(invoices.get(0).isOverdue(today));
        assertTrue(invoices.get(1).isOverdue(today), "last month's is overdue");
        assertTrue(invoices.subList(2, invoices.size()).stream().allMatch(invoice -> invoice.status() == InvoiceStatus.PAID),
                "every older one paid");
        assertTrue(invoices.stream().allMatch(invoice -> invoice.taxes().size() == 2), "GST and QST on each");

        List<Transaction> history = portal.stores.transactions().newestFirst(created.account().id(),
                dev.billingportal.application.port.out.Transactions.Criteria.all(), OptionalLong.empty(), 1000);
        Map<TransactionType, Long> types = history.stream().collect(Collectors.groupingBy(Transaction::type,
                Collectors.counting()));
        assertEquals(1L, types.get(TransactionType.REFUND));
        assertEquals(1L, types.get(TransactionType.CREDIT));
        long owed = invoices.get(0).total().minor() + invoices.get(1).total().minor();
        assertEquals(owed, history.get(0).balanceAfter().minor(), "the balance is the two unpaid invoices");

        List<PortalUser> users = portal.stores.users().listByAccount(created.account().id(), false);
        assertEquals(Map.of(UserStatus.INVITED, 1L, UserStatus.ACTIVE, 2L), users.stream()
                .collect(Collectors.groupingBy(PortalUser::status, Collectors.counting())), "Alice has her link");
        List<Delivery> posted = portal.deliveries(NotificationKind.TRANSACTION_POSTED);
        assertEquals(2 * history.size(), posted.size(), "Alice and Chloé were told of every transaction, Bob not");
    }

    @Test
    void aPortalThatHoldsAnAccountIsNotSeeded() {
        portal.account();

        assertThrows(StateConflict.class, demo::seed);
        assertEquals(1, portal.stores.accounts().size(), "nothing was added");
    }
}
