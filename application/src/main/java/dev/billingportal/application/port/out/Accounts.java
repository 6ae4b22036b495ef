package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountNumber;
import java.util.Optional;

/** Stored customer accounts. */
public interface Accounts {

    /** Stores a new account; a taken account number is a {@code StateConflict}. */
    void add(Account account);

    Optional<Account> find(AccountId id);

    /** The account with this number (numbers are unique). */
    Optional<Account> findByNumber(AccountNumber number);

    boolean numberTaken(AccountNumber number);

    /** Whether the portal holds any account at all. */
    boolean any();

    /** The next value of the account-number counter, for generated numbers ({@code ACC-000123}). */
    long nextNumberSequence();
}
