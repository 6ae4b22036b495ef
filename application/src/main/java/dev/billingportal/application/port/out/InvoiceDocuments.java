package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.user.Language;

/** Renders an invoice as a document a customer can keep (a PDF), in the reader's language. */
public interface InvoiceDocuments {

    byte[] render(Account account, Invoice invoice, Language language);
}
