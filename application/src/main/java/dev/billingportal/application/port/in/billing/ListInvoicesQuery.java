package dev.billingportal.application.port.in.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;

public interface ListInvoicesQuery {

    Page<InvoiceView> list(Actor actor, AccountId account, PageRequest page);
}
