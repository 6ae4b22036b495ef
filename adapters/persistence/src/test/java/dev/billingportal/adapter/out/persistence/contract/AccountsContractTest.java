package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.testing.Stores;
import java.util.Locale;

/** What the services rely on from {@code Accounts}. */
class AccountsContractTest {

    @EveryStore
    void anAccountIsStoredAsAddedAndItsNumberIsTaken(Stores stores) {
        Account account = account(stores);

        assertEquals(account, stores.unitOfWork().inTransaction(() -> stores.accounts().find(account.id()))
                .orElseThrow());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.accounts().numberTaken(account.number())));
        assertFalse(stores.unitOfWork().inTransaction(() -> stores.accounts().numberTaken(
                AccountNumber.parse(ContractFixtures.unique("free").toUpperCase(Locale.ROOT)))));
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.accounts().find(AccountId.random())).isEmpty());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.accounts().any()), "an account exists now");
        assertEquals(account, stores.unitOfWork().inTransaction(() -> stores.accounts().findByNumber(
                account.number())).orElseThrow());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.accounts().findByNumber(AccountNumber.parse(
                ContractFixtures.unique("none").toUpperCase(Locale.ROOT)))).isEmpty());
    }

    @EveryStore
    void aSecondAccountWithATakenNumberIsAConflict(Stores stores) {
        Account first = account(stores);
        Account second = new Account(AccountId.random(), first.number(), new AccountName("Other"),
                new CurrencyCode("USD"), NOW);

        StateConflict conflict = assertThrows(StateConflict.class,
                () -> stores.unitOfWork().inTransaction(() -> stores.accounts().add(second)));

        assertEquals("account-number-taken", conflict.code());
        assertTrue(stores.unitOfWork().inTransaction(() -> stores.accounts().find(second.id())).isEmpty());
    }

    @EveryStore
    void theNumberSequenceOnlyGoesUp(Stores stores) {
        long first = stores.unitOfWork().inTransaction(() -> stores.accounts().nextNumberSequence());
        long second = stores.unitOfWork().inTransaction(() -> stores.accounts().nextNumberSequence());

        assertTrue(first >= 1);
        assertEquals(first + 1, second);
    }
}
