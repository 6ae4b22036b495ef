package dev.billingportal.adapter.in.web.view;

/**
 * A transaction as a row of a table, formatted for its reader.
 *
 * @param what   what it is about: its invoice number, reference and description, as far as given
 * @param credit whether it lowers the balance (a payment or credit), which the amount's colour shows
 */
public record TransactionLine(long sequence, String postedAt, String type, String what, String amount,
                              String balanceAfter, boolean credit) {
}
