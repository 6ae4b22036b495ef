package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.port.out.TransactionHistory;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The history's pages over plain JDBC: {@link TransactionHistorySql}'s query, its rows read column by column into
 * {@link HistoryEntry}. No entity manager, no unit of work, no object built twice — the ORM's cost per page was most
 * of what the history API spent above its query (docs/performance.md). Each page is one short read of its own on a
 * pooled connection: given {@link Database#reads()}, one round trip.
 */
public final class JdbcTransactionHistory implements TransactionHistory {
    private final DataSource dataSource;

    public JdbcTransactionHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<HistoryEntry> newestFirst(AccountId account, Transactions.Criteria criteria,
                                          OptionalLong beforeSequence, int limit) {
        return read(TransactionHistorySql.entries(account, criteria, beforeSequence, limit), limit);
    }

    @Override
    public List<HistoryEntry> oldestFirstAbove(AccountId account, Transactions.Criteria criteria, long afterSequence,
                                               int limit) {
        return read(TransactionHistorySql.entriesAbove(account, criteria, afterSequence, limit), limit);
    }

    private List<HistoryEntry> read(TransactionHistorySql query, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                List<Object> parameters = query.parameters();
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    List<HistoryEntry> entries = new ArrayList<>(limit);
                    CurrencyCode currency = null;
                    while (rows.next()) {
                        // An account bills in one currency: its code checked once a page, not once a row.
                        String code = rows.getString(5);
                        currency = currency != null && currency.value().equals(code) ? currency : new CurrencyCode(code);
                        entries.add(entry(rows, currency));
                    }
                    return entries;
                }
            }
        } catch (SQLException failure) {
            throw PersistenceFailures.translate(failure);
        }
    }

    /** One row, in {@link TransactionHistorySql#ENTRY_COLUMNS}' order; {@code currency}: its column 5. */
    private static HistoryEntry entry(ResultSet row, CurrencyCode currency) throws SQLException {
        UUID invoiceId = row.getObject(9, UUID.class);
        return new HistoryEntry(new TransactionId(row.getObject(1, UUID.class)), row.getLong(2),
                TransactionType.valueOf(row.getString(3).strip()), new Money(row.getLong(4), currency),
                row.getObject(6, OffsetDateTime.class).toInstant(), row.getString(7), row.getString(8),
                invoiceId == null ? null : new InvoiceId(invoiceId), row.getString(10),
                new Money(row.getLong(11), currency));
    }
}
