package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.TransactionType;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * The history query, as SQL we control: always {@code account_id = ? AND sequence < ? ORDER BY account_id,
 * sequence DESC}, which walks the {@code uq_transaction_sequence} index from the page's start and stops after
 * one page, so a page deep in the history costs what the first page costs. The way back ("Newer") is the same
 * walk upwards, {@code sequence > ? ORDER BY account_id, sequence}, on an index of its own. Tests EXPLAIN ANALYZE this SQL, and the bench
 * runs it over raw JDBC as the baseline of the history API (so public).
 */
public record TransactionHistorySql(String sql, List<Object> parameters) {
    /** A whole transaction's row, for the ORM's entity. */
    private static final String COLUMNS = "id, account_id, sequence, type, amount_minor, currency, posted_at, "
            + "reference, description, invoice_id, invoice_number, balance_after_minor, idempotency_key, "
            + "request_fingerprint, created_at";
    /** What a history page shows, in {@link JdbcTransactionHistory}'s order: no bookkeeping columns. */
    static final String ENTRY_COLUMNS = "id, sequence, type, amount_minor, currency, posted_at, reference, "
            + "description, invoice_id, invoice_number, balance_after_minor";

    /** Newest first, below {@code beforeSequence} if given. */
    public static TransactionHistorySql of(AccountId account, Transactions.Criteria criteria,
                                           OptionalLong beforeSequence, int limit) {
        return query(COLUMNS, account, criteria, beforeSequence, limit);
    }

    /** The same page's rows as a history page shows them (the API's read model, and the bench's raw baseline). */
    public static TransactionHistorySql entries(AccountId account, Transactions.Criteria criteria,
                                                OptionalLong beforeSequence, int limit) {
        return query(ENTRY_COLUMNS, account, criteria, beforeSequence, limit);
    }

    /** The way back up, as a history page shows it. */
    public static TransactionHistorySql entriesAbove(AccountId account, Transactions.Criteria criteria,
                                                     long afterSequence, int limit) {
        return queryAbove(ENTRY_COLUMNS, account, criteria, afterSequence, limit);
    }

    private static TransactionHistorySql query(String columns, AccountId account, Transactions.Criteria criteria,
                                               OptionalLong beforeSequence, int limit) {
        // Always bounded, on the first page by Long.MAX_VALUE: without a bound on sequence H2 prefers the
        // foreign key's index on account_id alone and reads the whole history (EXPLAIN ANALYZE: 5 001 rows).
        return query(columns, account, criteria, " AND sequence < ?", beforeSequence.orElse(Long.MAX_VALUE),
                "account_id, sequence DESC", limit);
    }

    /** Oldest first, above {@code afterSequence}. */
    public static TransactionHistorySql above(AccountId account, Transactions.Criteria criteria, long afterSequence,
                                              int limit) {
        return queryAbove(COLUMNS, account, criteria, afterSequence, limit);
    }

    private static TransactionHistorySql queryAbove(String columns, AccountId account, Transactions.Criteria criteria,
                                                    long afterSequence, int limit) {
        // In uq_transaction_sequence_up's order (V7): H2 does not read the other index backwards.
        return query(columns, account, criteria, " AND sequence > ?", afterSequence, "account_id, sequence", limit);
    }

    private static TransactionHistorySql query(String columns, AccountId account, Transactions.Criteria criteria,
                                               String bound, long boundSequence, String order, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns)
                .append(" FROM account_transaction WHERE account_id = ?");
        parameters.add(account.value());
        sql.append(bound);
        parameters.add(boundSequence);
        if (!criteria.types().isEmpty()) {
            StringJoiner types = new StringJoiner(", ", " AND type IN (", ")");
            for (TransactionType type : criteria.types().stream().sorted().toList()) {
                types.add("?");
                parameters.add(type.name());
            }
            sql.append(types);
        }
        criteria.from().ifPresent(from -> {
            sql.append(" AND posted_at >= ?");
            parameters.add(from.atOffset(ZoneOffset.UTC));
        });
        criteria.before().ifPresent(before -> {
            sql.append(" AND posted_at < ?");
            parameters.add(before.atOffset(ZoneOffset.UTC));
        });
        criteria.text().ifPresent(text -> {
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (LOWER(reference) LIKE ? ESCAPE '\\' OR LOWER(invoice_number) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(description) LIKE ? ESCAPE '\\')");
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        });
        // account_id leads the ORDER BY although the WHERE fixes it: only an ORDER BY that spells out the
        // index's columns lets H2 read the index in order and stop after `limit` rows, instead of reading every
        // row below the cursor and sorting them (measured with EXPLAIN ANALYZE: 51 rows read instead of 100 001).
        sql.append(" ORDER BY ").append(order).append(" FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return new TransactionHistorySql(sql.toString(), List.copyOf(parameters));
    }
}
