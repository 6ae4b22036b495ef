package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.ExportTransactionsQuery;
import dev.billingportal.application.port.in.billing.GetTransactionQuery;
import dev.billingportal.application.port.in.billing.ListTransactionsQuery;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.failure.NotFound;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The account's history (spec §5): newest first by sequence, filtered by type, by dates in the reader's
 * time zone and by text; one keyset page at a time, or all of it for CSV in bounded batches.
 */
public final class TransactionQueryService implements ListTransactionsQuery, ExportTransactionsQuery,
        GetTransactionQuery {
    /** Rows read per batch while exporting; bounds the memory an export needs, whatever the history's length. */
    static final int EXPORT_BATCH = 500;

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final PortalUsers users;
    private final Transactions transactions;

    public TransactionQueryService(UnitOfWork unitOfWork, Accounts accounts, PortalUsers users,
                                   Transactions transactions) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.users = users;
        this.transactions = transactions;
    }

    @Override
    public Page<Transaction> list(Actor actor, AccountId account, TransactionFilter filter, PageRequest page) {
        AccountAccessPolicy.require(actor, account);
        OptionalLong before = page.cursor().map(TransactionQueryService::sequence).orElse(OptionalLong.empty());
        List<Transaction> found = unitOfWork.inTransaction(() -> {
            Transactions.Criteria criteria = criteria(filter, () -> ReaderZone.of(actor, users));
            requireAccount(actor, account);
            return transactions.newestFirst(account, criteria, before, page.limit() + 1);
        });
        if (found.size() <= page.limit()) {
            return new Page<>(found, Optional.empty());
        }
        List<Transaction> items = found.subList(0, page.limit());
        return new Page<>(items, Optional.of(KeysetCursor.encode(Long.toString(items.get(items.size() - 1).sequence()))));
    }

    @Override
    public Transaction get(Actor actor, AccountId account, TransactionId id) {
        AccountAccessPolicy.require(actor, account);
        return unitOfWork.inTransaction(() -> transactions.find(account, id))
                .orElseThrow(() -> new NotFound("The transaction"));
    }

    @Override
    public void checkExport(Actor actor, AccountId account, TransactionFilter filter) {
        checkedCriteria(actor, account, filter);
    }

    @Override
    public void export(Actor actor, AccountId account, TransactionFilter filter, Consumer<Transaction> rows) {
        Transactions.Criteria criteria = checkedCriteria(actor, account, filter);
        OptionalLong before = OptionalLong.empty();
        while (true) {
            OptionalLong from = before;
            List<Transaction> batch = unitOfWork.inTransaction(
                    () -> transactions.newestFirst(account, criteria, from, EXPORT_BATCH));
            batch.forEach(rows);
            if (batch.size() < EXPORT_BATCH) {
                return;
            }
            before = OptionalLong.of(batch.get(batch.size() - 1).sequence());
        }
    }

    /** The caller may read the account, it exists, and the filter is valid: its criteria, in one transaction. */
    private Transactions.Criteria checkedCriteria(Actor actor, AccountId account, TransactionFilter filter) {
        AccountAccessPolicy.require(actor, account);
        return unitOfWork.inTransaction(() -> {
            Transactions.Criteria criteria = criteria(filter, () -> ReaderZone.of(actor, users));
            requireAccount(actor, account);
            return criteria;
        });
    }

    /**
     * A portal user's account exists: their live session was just found through it. Only an operator may name
     * an account that does not (404). Skipping the lookup saves a query on every page (see docs/performance.md).
     */
    private void requireAccount(Actor actor, AccountId account) {
        if (!(actor instanceof Actor.PortalUserActor)) {
            accounts.find(account).orElseThrow(() -> new NotFound("The account"));
        }
    }

    /**
     * The reader's dates as instants: from the start of {@code from} to the end of {@code to}, in their zone,
     * which is looked up only when a date filter needs it.
     */
    static Transactions.Criteria criteria(TransactionFilter filter, Supplier<ZoneId> readerZone) {
        ZoneId zone = filter.from().isPresent() || filter.to().isPresent() ? readerZone.get() : null;
        return new Transactions.Criteria(filter.types(),
                filter.from().map(date -> date.atStartOfDay(zone).toInstant()),
                filter.to().map(date -> date.plusDays(1).atStartOfDay(zone).toInstant()),
                filter.text());
    }

    private static OptionalLong sequence(String cursor) {
        try {
            long sequence = Long.parseLong(KeysetCursor.decode(cursor, 1).get(0));
            if (sequence < 1) {
                throw KeysetCursor.invalid();
            }
            return OptionalLong.of(sequence);
        } catch (NumberFormatException malformed) {
            throw KeysetCursor.invalid();
        }
    }
}
