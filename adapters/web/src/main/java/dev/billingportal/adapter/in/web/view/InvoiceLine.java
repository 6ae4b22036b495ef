package dev.billingportal.adapter.in.web.view;

/** An invoice as a line of a list, formatted for its reader; {@code statusClass} is its badge's. */
public record InvoiceLine(String id, String number, String issued, String due, String total, String amountDue,
                          String status, String statusClass) {
}
