package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.ExportTransactionsQuery;
import dev.billingportal.application.port.in.billing.GetTransactionQuery;
import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.application.port.in.billing.HistoryPageQuery;
import dev.billingportal.application.port.in.billing.ListTransactionsQuery;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.HistorySheets;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.TransactionHistory;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.failure.NotFound;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The account's history (spec §5): newest first by sequence, filtered by type, by dates in the reader's
 * time zone and by text; one keyset page at a time — as transactions for the pages, as {@link HistoryEntry} rows
 * read outside any unit of work for the API — or all of it for CSV in bounded batches.
 */
public final class TransactionQueryService implements ListTransactionsQuery, HistoryPageQuery,
        ExportTransactionsQuery, GetTransactionQuery {
    /** Rows read per batch while exporting; bounds the memory an export needs, whatever the history's length. */
    static final int EXPORT_BATCH = 500;
    private static final String ABOVE = "above";

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final PortalUsers users;
    private final Transactions transactions;
    private final TransactionHistory history;
    private final HistorySheets sheets;

    public TransactionQueryService(UnitOfWork unitOfWork, Accounts accounts, PortalUsers users,
                                   Transactions transactions, TransactionHistory history, HistorySheets sheets) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.users = users;
        this.transactions = transactions;
        this.history = history;
        this.sheets = sheets;
    }

    /** One way of reading a history's rows, down and back up: as transactions, or as the API's read model. */
    private record Rows<T>(Below<T> newestFirst, Above<T> oldestFirstAbove) {
    }

    private interface Below<T> {
        List<T> read(OptionalLong beforeSequence, int limit);
    }

    private interface Above<T> {
        List<T> read(long afterSequence, int limit);
    }

    /** A page of transactions, read through the ORM in one unit of work (the web pages' read), as {@link #walk} says. */
    @Override
    public Page<Transaction> list(Actor actor, AccountId account, TransactionFilter filter, PageRequest page) {
        AccountAccessPolicy.require(actor, account);
        Position position = page.cursor().map(TransactionQueryService::position).orElse(Position.TOP);
        return unitOfWork.inTransaction(() -> {
            Transactions.Criteria criteria = criteria(filter, () -> ReaderZone.of(actor, users));
            requireAccount(actor, account);
            return walk(new Rows<>((before, limit) -> transactions.newestFirst(account, criteria, before, limit),
                    (after, limit) -> transactions.oldestFirstAbove(account, criteria, after, limit)),
                    Transaction::sequence, position, page.limit());
        });
    }

    /**
     * The same page as {@link #list}, read by the history port: a portal user's page without dates needs nothing but
     * its query (their session already proved the account; no time zone to look up), so no unit of work is opened.
     */
    @Override
    public Page<HistoryEntry> page(Actor actor, AccountId account, TransactionFilter filter, PageRequest page) {
        AccountAccessPolicy.require(actor, account);
        Position position = page.cursor().map(TransactionQueryService::position).orElse(Position.TOP);
        Transactions.Criteria criteria = checkedCriteria(actor, account, filter);
        return walk(new Rows<>((before, limit) -> history.newestFirst(account, criteria, before, limit),
                (after, limit) -> history.oldestFirstAbove(account, criteria, after, limit)),
                HistoryEntry::sequence, position, page.limit());
    }

    /**
     * A page below a cursor (the first page without one), or — with a cursor from {@code previousCursor} — the page
     * above it, on the way back up. Each is one walk of the (account, sequence) index from where it starts, so no
     * page costs more than the first, at any depth; and since sequences never change, transactions posted while a
     * reader walks down never make a row repeat or go missing.
     */
    private static <T> Page<T> walk(Rows<T> rows, ToLongFunction<T> sequence, Position position, int limit) {
        if (position.above()) {
            List<T> up = rows.oldestFirstAbove().read(position.sequence(), limit + 1);
            if (up.size() > limit) {
                List<T> items = up.subList(0, limit).reversed();
                return new Page<>(items, Optional.of(below(sequence.applyAsLong(items.getLast()))),
                        Optional.of(above(sequence.applyAsLong(items.getFirst()))));
            }
            // Back at the top: the first page, full, with whatever was posted meanwhile.
            return pageBelow(rows, sequence, Position.TOP, limit);
        }
        return pageBelow(rows, sequence, position, limit);
    }

    private static <T> Page<T> pageBelow(Rows<T> rows, ToLongFunction<T> sequence, Position position, int limit) {
        OptionalLong before = position == Position.TOP ? OptionalLong.empty() : OptionalLong.of(position.sequence());
        List<T> found = rows.newestFirst().read(before, limit + 1);
        List<T> items = found.size() > limit ? found.subList(0, limit) : found;
        Optional<String> older = found.size() > limit ? Optional.of(below(sequence.applyAsLong(items.getLast())))
                : Optional.empty();
        Optional<String> newer = position == Position.TOP ? Optional.empty()
                : Optional.of(items.isEmpty() ? KeysetCursor.encode(ABOVE, Long.toString(position.sequence() - 1))
                        : above(sequence.applyAsLong(items.getFirst())));
        return new Page<>(items, older, newer);
    }

    /** Where a page starts: below a sequence (down the history), or above one (back up). */
    private record Position(long sequence, boolean above) {
        static final Position TOP = new Position(Long.MAX_VALUE, false);
    }

    private static String below(long lastSequence) {
        return KeysetCursor.encode(Long.toString(lastSequence));
    }

    private static String above(long firstSequence) {
        return KeysetCursor.encode(ABOVE, Long.toString(firstSequence));
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
        export(account, checkedCriteria(actor, account, filter), rows);
    }

    private void export(AccountId account, Transactions.Criteria criteria, Consumer<Transaction> rows) {
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

    @Override
    public void exportCsv(Actor actor, AccountId account, TransactionFilter filter, OutputStream out) {
        Transactions.Criteria criteria = checkedCriteria(actor, account, filter);
        HistorySheets.Writer sheet = sheets.start(out);
        export(account, criteria, sheet::row);
        sheet.finish();
    }

    /**
     * The caller may read the account, it exists, and the filter is valid: its criteria, looked up in one transaction
     * when they need the database — an operator's account to find, a reader's time zone for dates — else none.
     */
    private Transactions.Criteria checkedCriteria(Actor actor, AccountId account, TransactionFilter filter) {
        AccountAccessPolicy.require(actor, account);
        boolean dates = filter.from().isPresent() || filter.to().isPresent();
        if (actor instanceof Actor.PortalUserActor && !dates) {
            return criteria(filter, () -> {
                throw new IllegalStateException("no dates, no time zone needed");
            });
        }
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

    /** A cursor of {@link #below} (one part, as the API has always issued) or of {@link #above}. */
    private static Position position(String cursor) {
        List<String> parts = KeysetCursor.decode(cursor);
        boolean above = parts.size() == 2 && parts.get(0).equals(ABOVE);
        if (parts.size() != 1 && !above) {
            throw KeysetCursor.invalid();
        }
        try {
            long sequence = Long.parseLong(parts.get(parts.size() - 1));
            if (sequence < (above ? 0 : 1)) {
                throw KeysetCursor.invalid();
            }
            return new Position(sequence, above);
        } catch (NumberFormatException malformed) {
            throw KeysetCursor.invalid();
        }
    }
}
