package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;

public interface GetTransactionQuery {

    /** One posted transaction of the account. */
    Transaction get(Actor actor, AccountId account, TransactionId transaction);
}
