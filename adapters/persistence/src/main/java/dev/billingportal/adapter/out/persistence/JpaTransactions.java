package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

public final class JpaTransactions implements Transactions {
    private final JpaUnitOfWork unitOfWork;

    public JpaTransactions(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(Transaction transaction) {
        TransactionRow row = new TransactionRow();
        row.id = transaction.id().value();
        row.accountId = transaction.accountId().value();
        row.sequence = transaction.sequence();
        row.type = transaction.type().name();
        row.amountMinor = transaction.amount().minor();
        row.currency = transaction.amount().currency().value();
        row.postedAt = transaction.postedAt();
        row.reference = transaction.reference();
        row.description = transaction.description();
        row.invoiceId = transaction.invoiceId() == null ? null : transaction.invoiceId().value();
        row.invoiceNumber = transaction.invoiceNumber();
        row.balanceAfterMinor = transaction.balanceAfter().minor();
        row.idempotencyKey = transaction.idempotencyKey();
        row.requestFingerprint = transaction.requestFingerprint();
        row.createdAt = transaction.createdAt();
        try {
            unitOfWork.entityManager().persist(row);
        } catch (PersistenceException failure) {
            throw PersistenceFailures.translate(failure);
        }
    }

    @Override
    public Optional<Transaction> find(AccountId account, TransactionId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(TransactionRow.class, id.value()))
                .filter(row -> row.accountId.equals(account.value()))
                .map(JpaTransactions::toDomain);
    }

    @Override
    public Optional<Transaction> findByIdempotencyKey(AccountId account, String idempotencyKey) {
        return unitOfWork.entityManager()
                .createQuery("SELECT t FROM TransactionRow t WHERE t.accountId = :account AND t.idempotencyKey = :key",
                        TransactionRow.class)
                .setParameter("account", account.value())
                .setParameter("key", idempotencyKey)
                .setHint("eclipselink.read-only", true) // read to compare, never changed: no copy kept to check
                .getResultStream()
                .findFirst()
                .map(JpaTransactions::toDomain);
    }

    /** Keys asked for in one query: far below any database's limit on a statement's parameters. */
    private static final int KEYS_PER_QUERY = 500;

    @Override
    public Map<String, String> fingerprintsByKey(AccountId account, Collection<String> idempotencyKeys) {
        Map<String, String> fingerprints = new HashMap<>();
        for (List<String> keys : InLists.of(List.copyOf(new LinkedHashSet<>(idempotencyKeys)), KEYS_PER_QUERY)) {
            if (unitOfWork.readsInListsOnAnIndexsFirstColumnOnly()) { // H2: by pairs, not the account's every row
                AccountPairs.read(unitOfWork, List.of("idempotency_key", "request_fingerprint"), "account_transaction",
                        "idempotency_key", account, keys).forEach(row -> fingerprints.put(row.get(0), row.get(1)));
                continue;
            }
            unitOfWork.entityManager()
                    .createQuery("SELECT t.idempotencyKey, t.requestFingerprint FROM TransactionRow t"
                            + " WHERE t.accountId = :account AND t.idempotencyKey IN :keys", Object[].class)
                    .setParameter("account", account.value())
                    .setParameter("keys", keys)
                    .getResultList()
                    .forEach(row -> fingerprints.put((String) row[0], (String) row[1]));
        }
        return fingerprints;
    }

    /**
     * {@code SUM(CASE …)} per period, grouped by type: portable SQL (no date functions, no time zones in the
     * database), one range of the {@code (account_id, posted_at)} index (V8) read once.
     */
    @Override
    public List<Totals> totalsBetween(AccountId account, List<Instant> boundaries) {
        int periods = boundaries.size() - 1;
        if (periods < 1) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT type");
        List<Object> parameters = new java.util.ArrayList<>();
        for (int i = 0; i < periods; i++) {
            sql.append(", SUM(CASE WHEN posted_at >= ? AND posted_at < ? THEN amount_minor ELSE 0 END)");
            parameters.add(boundaries.get(i).atOffset(ZoneOffset.UTC));
            parameters.add(boundaries.get(i + 1).atOffset(ZoneOffset.UTC));
        }
        sql.append(" FROM account_transaction WHERE account_id = ? AND posted_at >= ? AND posted_at < ?"
                + " AND type IN ('INVOICE', 'PAYMENT') GROUP BY type");
        parameters.add(account.value());
        parameters.add(boundaries.get(0).atOffset(ZoneOffset.UTC));
        parameters.add(boundaries.get(periods).atOffset(ZoneOffset.UTC));
        Query query = bind(unitOfWork.entityManager().createNativeQuery(sql.toString()), parameters);
        long[] invoiced = new long[periods];
        long[] paid = new long[periods];
        for (Object found : query.getResultList()) {
            Object[] row = (Object[]) found;
            long[] sums = "INVOICE".equals(String.valueOf(row[0]).strip()) ? invoiced : paid;
            for (int i = 0; i < periods; i++) {
                sums[i] = row[i + 1] == null ? 0 : ((Number) row[i + 1]).longValue();
            }
        }
        List<Totals> totals = new java.util.ArrayList<>(periods);
        for (int i = 0; i < periods; i++) {
            totals.add(new Totals(invoiced[i], paid[i]));
        }
        return totals;
    }

    @Override
    public List<Transaction> appliedTo(AccountId account, InvoiceId invoice) {
        return unitOfWork.entityManager()
                .createQuery("SELECT t FROM TransactionRow t WHERE t.invoiceId = :invoice AND t.accountId = :account"
                        + " AND t.type <> 'INVOICE' ORDER BY t.sequence", TransactionRow.class)
                .setParameter("invoice", invoice.value())
                .setParameter("account", account.value())
                .setHint("eclipselink.read-only", true)
                .getResultStream()
                .map(JpaTransactions::toDomain)
                .toList();
    }

    @Override
    public List<Transaction> newestFirst(AccountId account, Criteria criteria, OptionalLong beforeSequence, int limit) {
        return read(TransactionHistorySql.of(account, criteria, beforeSequence, limit));
    }

    @Override
    public List<Transaction> oldestFirstAbove(AccountId account, Criteria criteria, long afterSequence, int limit) {
        return read(TransactionHistorySql.above(account, criteria, afterSequence, limit));
    }

    @SuppressWarnings("unchecked")
    private List<Transaction> read(TransactionHistorySql history) {
        Query query = unitOfWork.entityManager().createNativeQuery(history.sql(), TransactionRow.class)
                // Rows only read: not registered in the unit of work, so not copied nor compared at commit.
                .setHint("eclipselink.read-only", true);
        bind(query, history.parameters());
        return ((List<TransactionRow>) query.getResultList()).stream().map(JpaTransactions::toDomain).toList();
    }

    /** Our SQL's positional parameters, in order. */
    private static Query bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    static Transaction toDomain(TransactionRow row) {
        CurrencyCode currency = new CurrencyCode(row.currency);
        return new Transaction(new TransactionId(row.id), new AccountId(row.accountId), row.sequence,
                TransactionType.valueOf(row.type), new Money(row.amountMinor, currency), row.postedAt, row.reference,
                row.description, row.invoiceId == null ? null : new InvoiceId(row.invoiceId), row.invoiceNumber,
                new Money(row.balanceAfterMinor, currency), row.idempotencyKey, row.requestFingerprint,
                row.createdAt);
    }
}
