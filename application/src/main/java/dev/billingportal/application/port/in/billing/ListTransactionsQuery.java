package dev.billingportal.application.port.in.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;

public interface ListTransactionsQuery {

    /** The account's history, newest first, one keyset page at a time. */
    Page<Transaction> list(Actor actor, AccountId account, TransactionFilter filter, PageRequest page);
}
