package dev.billingportal.application.port.out;

import dev.billingportal.domain.account.AccountMatch;
import dev.billingportal.domain.account.AccountNumber;
import java.util.List;
import java.util.Set;

/**
 * Finds accounts by what a caller on the phone knows (spec §12), each way through an index: at a million accounts a
 * search reads a handful of rows, never the table.
 */
public interface AccountSearch {

    /** The account of that number. */
    List<AccountMatch> byAccountNumber(AccountNumber number);

    /** The accounts that issued an invoice of that number (numbers are unique per account only). */
    List<AccountMatch> byInvoiceNumber(String invoiceNumber, int limit);

    /** The account of the portal user whose username is this, in any letter case, deleted users included. */
    List<AccountMatch> byUsername(String usernameKey);

    /** The accounts of the portal users with this e-mail address, in any letter case, deleted users included. */
    List<AccountMatch> byEmail(String emailKey, int limit);

    /** The accounts in whose name every one of {@code words} begins a word ({@code SearchWords}), by name. */
    List<AccountMatch> byNameWords(Set<String> words, int limit);
}
