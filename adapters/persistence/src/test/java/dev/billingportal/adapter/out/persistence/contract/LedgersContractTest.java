package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Ledger;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.testing.Stores;

/** What the services rely on from {@code Ledgers}. */
class LedgersContractTest {

    @EveryStore
    void aNewAccountsLedgerIsEmptyInItsCurrencyAndKeepsWhatIsSaved(Stores stores) {
        Account account = account(stores);

        assertEquals(new Ledger(0, Money.zero(account.currency())),
                stores.unitOfWork().inTransaction(() -> stores.ledgers().read(account.id())));

        stores.unitOfWork().inTransaction(() -> {
            Ledger locked = stores.ledgers().lock(account.id());
            stores.ledgers().save(account.id(), new Ledger(locked.nextSequence(), new Money(-12_345, account.currency())));
        });

        assertEquals(new Ledger(1, new Money(-12_345, account.currency())),
                stores.unitOfWork().inTransaction(() -> stores.ledgers().lock(account.id())));
    }
}
