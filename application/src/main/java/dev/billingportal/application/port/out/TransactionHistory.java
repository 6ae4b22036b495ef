package dev.billingportal.application.port.out;

import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.domain.account.AccountId;
import java.util.List;
import java.util.OptionalLong;

/**
 * The history's pages read for showing: the same rows, order and bounds as {@link Transactions#newestFirst} and
 * {@link Transactions#oldestFirstAbove}, read straight into {@link HistoryEntry} rows, each page its own read outside
 * any unit of work (posted transactions never change, so a page needs no transaction around it).
 */
public interface TransactionHistory {

    List<HistoryEntry> newestFirst(AccountId account, Transactions.Criteria criteria, OptionalLong beforeSequence,
                                   int limit);

    List<HistoryEntry> oldestFirstAbove(AccountId account, Transactions.Criteria criteria, long afterSequence,
                                        int limit);
}
