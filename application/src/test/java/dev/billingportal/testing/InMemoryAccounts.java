package dev.billingportal.testing;

import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountNumber;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public final class InMemoryAccounts implements Accounts {
    private final Map<AccountId, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public synchronized void add(Account account) {
        if (numberTaken(account.number())) {
            throw AccountNumber.alreadyTaken();
        }
        accounts.put(account.id(), account);
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Optional<Account> findByNumber(AccountNumber number) {
        return accounts.values().stream().filter(account -> account.number().equals(number)).findFirst();
    }

    @Override
    public boolean numberTaken(AccountNumber number) {
        return accounts.values().stream().anyMatch(account -> account.number().equals(number));
    }

    @Override
    public boolean any() {
        return !accounts.isEmpty();
    }

    @Override
    public long nextNumberSequence() {
        return sequence.incrementAndGet();
    }

    public int size() {
        return accounts.size();
    }

    /** Every account, for the search's fake. */
    public List<Account> all() {
        return List.copyOf(accounts.values());
    }
}
