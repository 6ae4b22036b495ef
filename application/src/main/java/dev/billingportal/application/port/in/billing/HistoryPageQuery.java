package dev.billingportal.application.port.in.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;

/**
 * The account's history as the API pages it: the same pages, filters and cursors as {@link ListTransactionsQuery},
 * read into {@link HistoryEntry} rows without the persistence unit of work — the history's read path costs little
 * above its query (docs/performance.md).
 */
public interface HistoryPageQuery {

    /** The account's history, newest first, one keyset page at a time. */
    Page<HistoryEntry> page(Actor actor, AccountId account, TransactionFilter filter, PageRequest page);
}
