package dev.billingportal.bootstrap.support;

import dev.billingportal.bootstrap.Portal;
import jakarta.enterprise.inject.spi.CDI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Looks into the database of the portal under test, to check what was — or was not — written. */
public final class Db {
    private final DataSource dataSource;

    public Db(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Db ofRunningPortal() {
        return new Db(CDI.current().select(Portal.class).get().database().orElseThrow().dataSource());
    }

    public long count(String table) {
        return number("SELECT COUNT(*) FROM " + table);
    }

    public long number(String sql, Object... parameters) {
        List<String> values = strings(sql, parameters);
        return values.isEmpty() || values.get(0) == null ? 0 : Long.parseLong(values.get(0));
    }

    /** Writes rows as another program with access to the database would, committed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            int changed = statement.executeUpdate();
            connection.commit();
            return changed;
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Every value of every row of {@code table}, as text: what a dump of it would show. */
    public List<String> everyValue(String table) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table);
             ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    values.add(String.valueOf(rows.getObject(column)));
                }
            }
            connection.rollback();
            return values;
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    public List<String> strings(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            connection.rollback();
            return values;
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Every row the query reads, each as its columns' text. */
    public List<List<String>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getString(column));
                    }
                    rows.add(row);
                }
            }
            connection.rollback();
            return rows;
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
