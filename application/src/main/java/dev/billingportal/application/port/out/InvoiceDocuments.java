package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Invoice;

/** Renders an invoice as a document a customer can keep (a PDF). */
public interface InvoiceDocuments {

    byte[] render(Account account, Invoice invoice);
}
