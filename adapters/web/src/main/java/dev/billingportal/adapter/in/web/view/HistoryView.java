package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transaction history page (spec §9): the filter form as the reader filled it in, with each refused field's
 * message; one page of rows, newest first; the links to the newer and older pages and to the CSV of the same rows.
 *
 * @param types     every transaction type, with whether the reader ticked it
 * @param filtered  whether any filter is set (an empty page then says no transaction matches, not that none exists)
 * @param zone      the reader's time zone, which every date and time on the page is in
 */
public record HistoryView(Chrome chrome, BillingPaths paths, List<TypeChoice> types, String from, String to, String text,
                          Map<String, String> errors, boolean filtered, String zone, List<TransactionLine> rows,
                          Optional<String> newerHref, Optional<String> olderHref, String csvHref) {

    /** A type's checkbox. */
    public record TypeChoice(String value, String label, boolean checked) {
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
