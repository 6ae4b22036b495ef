package dev.billingportal.adapter.out.persistence;

import dev.billingportal.domain.account.AccountId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An account's rows named by a list of values of one column, read by {@code (account_id, column)} pairs on the unit's
 * connection. H2 uses an {@code IN} list on an index only for the index's first column: {@code account_id = ? AND
 * column IN (...)} reads every row of the account (3.8 ms at 200 000 of them, against 0.14 ms for the pairs), where a
 * row-value {@code IN} finds each pair through the {@code (account_id, column)} unique index. PostgreSQL plans row
 * values slowly and keeps the JPQL ({@link JpaUnitOfWork#readsInListsOnAnIndexsFirstColumnOnly}).
 */
final class AccountPairs {
    private AccountPairs() {
    }

    /**
     * {@code selected} (columns of {@code table}, as strings, trailing blanks of {@code CHAR} columns trimmed as
     * EclipseLink trims them) of the account's rows whose {@code column} is one of {@code values}.
     */
    static List<List<String>> read(JpaUnitOfWork unitOfWork, List<String> selected, String table, String column,
                                   AccountId account, List<String> values) {
        String sql = "SELECT " + String.join(", ", selected) + " FROM " + table + " WHERE (account_id, " + column
                + ") IN (" + String.join(", ", Collections.nCopies(values.size(), "(?, ?)")) + ")";
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement query = unitOfWork.connection().prepareStatement(sql)) {
            int parameter = 1;
            for (String value : values) {
                query.setObject(parameter++, account.value());
                query.setString(parameter++, value);
            }
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    List<String> row = new ArrayList<>(selected.size());
                    for (int i = 1; i <= selected.size(); i++) {
                        row.add(found.getString(i).stripTrailing());
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException failure) {
            throw PersistenceFailures.translate(failure);
        }
        return rows;
    }
}
