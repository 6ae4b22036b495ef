package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Ledger;

/** Each account's running balance and last sequence number. */
public interface Ledgers {

    /** The account's ledger, locked until the unit of work ends: postings to one account go one at a time. */
    Ledger lock(AccountId account);

    Ledger read(AccountId account);

    void save(AccountId account, Ledger ledger);
}
