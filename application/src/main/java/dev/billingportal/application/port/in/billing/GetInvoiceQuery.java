package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.InvoiceId;

public interface GetInvoiceQuery {

    InvoiceView get(Actor actor, AccountId account, InvoiceId invoice);

    /** The invoice with the payments, refunds and credits applied to it, read together. */
    InvoiceDetail detail(Actor actor, AccountId account, InvoiceId invoice);
}
