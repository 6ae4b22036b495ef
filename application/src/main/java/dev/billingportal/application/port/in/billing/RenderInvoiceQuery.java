package dev.billingportal.application.port.in.billing;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.InvoiceId;

public interface RenderInvoiceQuery {

    /** The invoice as a PDF document. */
    byte[] render(Actor actor, AccountId account, InvoiceId invoice);
}
