package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.unique;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountMatch;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.account.SearchWords;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceArithmetic;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.testing.Stores;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What the console's search relies on from {@code AccountSearch} (spec §12). */
class AccountSearchContractTest {

    private static Account named(Stores stores, String name) {
        Account account = new Account(AccountId.random(), AccountNumber.parse(unique("S").toUpperCase(Locale.ROOT)),
                new AccountName(name), CurrencyCode.CAD, NOW);
        stores.unitOfWork().inTransaction(() -> stores.accounts().add(account));
        return account;
    }

    private static List<AccountId> ids(List<AccountMatch> matches) {
        return matches.stream().map(match -> match.account().id()).toList();
    }

    private static List<AccountMatch> byName(Stores stores, String typed) {
        return stores.unitOfWork().inTransaction(() -> stores.accountSearch().byNameWords(SearchWords.of(typed), 20));
    }

    @EveryStore
    void anAccountIsFoundByItsNumber(Stores stores) {
        Account account = account(stores);

        List<AccountMatch> found = stores.unitOfWork().inTransaction(
                () -> stores.accountSearch().byAccountNumber(account.number()));

        assertEquals(List.of(account.id()), ids(found));
        assertEquals(AccountMatch.By.ACCOUNT_NUMBER, found.get(0).by());
        assertEquals(account.name(), found.get(0).account().name());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.accountSearch().byAccountNumber(
                AccountNumber.parse(unique("NONE")))).isEmpty());
    }

    @EveryStore
    void aUserIsFoundByUsernameOrEMailInAnyCaseDeletedOnesTooAndSaysSo(Stores stores) {
        Account account = account(stores);
        PortalUser zoe = user(stores, account, "Zoe", true);
        zoe.delete(PortalUserId.random(), NOW);
        stores.unitOfWork().inTransaction(() -> stores.users().update(zoe));
        String key = zoe.username().value().toLowerCase(Locale.ROOT);

        List<AccountMatch> byUsername = stores.unitOfWork().inTransaction(
                () -> stores.accountSearch().byUsername(key));
        List<AccountMatch> byEmail = stores.unitOfWork().inTransaction(
                () -> stores.accountSearch().byEmail(zoe.email().value().toLowerCase(Locale.ROOT), 20));

        assertEquals(List.of(account.id()), ids(byUsername));
        assertEquals(Optional.of(new AccountMatch.MatchedUser(zoe.username().value(), true)), byUsername.get(0).user());
        assertEquals(AccountMatch.By.USERNAME, byUsername.get(0).by());
        assertEquals(List.of(account.id()), ids(byEmail));
        assertEquals(AccountMatch.By.EMAIL, byEmail.get(0).by());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.accountSearch().byUsername(key + "x")).isEmpty());
    }

    @EveryStore
    void anInvoiceNumberFindsTheAccountsThatIssuedIt(Stores stores) {
        Account first = named(stores, "Alpha " + unique("inv"));
        Account second = named(stores, "Beta " + unique("inv"));
        String number = unique("INV");
        stores.unitOfWork().inTransaction(() -> {
            stores.invoices().add(invoice(first, number));
            stores.invoices().add(invoice(second, number));
            stores.invoices().add(invoice(second, number + "9"));
        });

        List<AccountMatch> found = stores.unitOfWork().inTransaction(
                () -> stores.accountSearch().byInvoiceNumber(number, 20));

        assertEquals(List.of(first.id(), second.id()), ids(found), "by name");
        assertEquals(Set.of(AccountMatch.By.INVOICE_NUMBER), Set.copyOf(found.stream().map(AccountMatch::by).toList()));
    }

    @EveryStore
    void everyWordTypedMustBeginAWordOfTheNameInAnyOrderWithoutAccentsOrCase(Stores stores) {
        String tag = unique("zq").replace("-", "");
        Account plumbing = named(stores, "Plomberie Côté " + tag + " & Fils");
        Account bakery = named(stores, "Boulangerie " + tag);

        assertEquals(List.of(bakery.id(), plumbing.id()), ids(byName(stores, tag)), "both, by name");
        assertEquals(List.of(plumbing.id()), ids(byName(stores, "COTE " + tag.substring(0, 6) + " plom")));
        assertEquals(List.of(plumbing.id()), ids(byName(stores, tag + " côté")));
        assertEquals(AccountMatch.By.NAME, byName(stores, tag + " fils").get(0).by());
        assertTrue(byName(stores, tag + " omberie").isEmpty(), "the middle of a word begins none");
        assertTrue(byName(stores, tag + " plomberies").isEmpty());
    }

    @EveryStore
    void aCommonWordFindsNoMoreThanTheLimit(Stores stores) {
        String tag = unique("lim").replace("-", "");
        Set<AccountId> made = new LinkedHashSet<>();
        for (int i = 0; i < 5; i++) {
            made.add(named(stores, "Telecom " + tag + " " + i).id());
        }

        List<AccountMatch> found = stores.unitOfWork().inTransaction(
                () -> stores.accountSearch().byNameWords(SearchWords.of(tag), 3));

        assertEquals(3, found.size());
        assertTrue(made.containsAll(ids(found)));
    }

    private static Invoice invoice(Account account, String number) {
        LocalDate issued = LocalDate.of(2026, 11, 1);
        InvoiceDraft draft = new InvoiceDraft(number, issued, issued.plusDays(30), null, null,
                List.of(new InvoiceDraft.LineDraft("Seat", Decimal.parse("1"), Decimal.parse("10.00"),
                        Decimal.parse("10.00"))),
                List.of());
        return Invoice.issue(InvoiceId.random(), account.id(), TransactionId.random(), number.hashCode() & 0xffff,
                draft, InvoiceArithmetic.check(draft, account.currency(), new Money(1_000, account.currency())), NOW);
    }
}
