package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.in.billing.InvoiceInput;
import dev.billingportal.application.port.in.billing.PostTransactionCommand;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import java.util.List;

/** Postings as the billing system sends them, for the billing services' tests. */
final class Postings {
    private Postings() {
    }

    /** An invoice of {@code 113.00}: ten seats at 10.00 and HST 13 %, issued on the 1st, due on the 30th. */
    static TransactionInput invoice(String number) {
        return new TransactionInput("INVOICE", "113.00", "CAD", null, "BILLRUN-" + number, "November services", null,
                new InvoiceInput(number, "2026-11-01", "2026-11-30", null, null,
                        List.of(new InvoiceInput.Line("Hosted PBX seat", "10", "10.00", "100.00")),
                        List.of(new InvoiceInput.Tax("HST", "13", "13.00"))));
    }

    static TransactionInput payment(String amount, String invoiceId) {
        return new TransactionInput("PAYMENT", amount, null, null, "PAY-" + amount, null, invoiceId, null);
    }

    static TransactionInput of(String type, String amount, String postedAt, String reference) {
        return new TransactionInput(type, amount, null, postedAt, reference, null, null, null);
    }

    static PostTransactionCommand command(AccountId account, String key, TransactionInput input) {
        return PostTransactionCommand.of(Actor.INSTALLATION, account, key, input);
    }
}
