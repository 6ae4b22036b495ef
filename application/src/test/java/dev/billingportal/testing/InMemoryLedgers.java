package dev.billingportal.testing;

import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.Ledgers;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Ledger;
import dev.billingportal.domain.billing.Money;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An account's ledger starts at sequence 0 and a zero balance in its currency, as a new account row does. */
public final class InMemoryLedgers implements Ledgers {
    private final Map<AccountId, Ledger> ledgers = new ConcurrentHashMap<>();
    private final Accounts accounts;

    public InMemoryLedgers(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Ledger lock(AccountId account) {
        return read(account);
    }

    @Override
    public Ledger read(AccountId account) {
        return ledgers.computeIfAbsent(account, id -> new Ledger(0, Money.zero(accounts.find(id)
                .orElseThrow(() -> new IllegalStateException("No account " + id)).currency())));
    }

    @Override
    public void save(AccountId account, Ledger ledger) {
        ledgers.put(account, ledger);
    }
}
