package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The Account Dashboard (spec §9): the account at a glance, everything already formatted for the reader; times in
 * their {@code zone}.
 */
public record DashboardView(Chrome chrome, String accountName, String accountNumber, String balance,
                            boolean inCredit, String amountOverdue, boolean overdue, Optional<InvoiceLine> lastInvoice,
                            List<TransactionLine> latest, String zone, MonthChart chart) {
}
