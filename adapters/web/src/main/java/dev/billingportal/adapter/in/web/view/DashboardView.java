package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/** The Account Dashboard (spec §9): the account at a glance, everything already formatted for the reader. */
public record DashboardView(Chrome chrome, String accountName, String accountNumber, String balance,
                            boolean inCredit, String amountOverdue, boolean overdue, Optional<InvoiceLine> lastInvoice,
                            List<TransactionLine> latest) {

    /** An invoice as a line of the dashboard. */
    public record InvoiceLine(String id, String number, String issued, String due, String total, String amountDue,
                              String status, String statusClass) {
    }

    /** A transaction as a row of a table. */
    public record TransactionLine(String postedAt, String type, String what, String amount, String balanceAfter,
                                  boolean credit) {
    }
}
