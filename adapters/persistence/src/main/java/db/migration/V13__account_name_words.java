package db.migration;

import dev.billingportal.domain.account.SearchWords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code account_name_word} (V12) for the accounts that existed before it: the words are {@link SearchWords}'s,
 * which SQL cannot compute alike on H2 and PostgreSQL. New accounts get theirs when they are added.
 */
public class V13__account_name_words extends BaseJavaMigration {
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement accounts = connection.createStatement();
             ResultSet rows = accounts.executeQuery("SELECT id, name FROM account");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO account_name_word (word, account_id) VALUES (?, ?)")) {
            int pending = 0;
            while (rows.next()) {
                Object id = rows.getObject(1);
                for (String word : SearchWords.of(rows.getString(2))) {
                    insert.setString(1, word);
                    insert.setObject(2, id);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
