package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.AccountSearch;
import dev.billingportal.domain.account.AccountMatch;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.SearchWords;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The console's search on the database, each way through its own index (V12): the account number's unique
 * constraint, {@code ix_invoice_number}, the username's unique key, {@code ix_portal_user_email_key}, and the words of
 * the names in {@code account_name_word}, walked in key order from the longest word typed.
 */
public final class JpaAccountSearch implements AccountSearch {
    private final JpaUnitOfWork unitOfWork;

    public JpaAccountSearch(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<AccountMatch> byAccountNumber(AccountNumber number) {
        return unitOfWork.entityManager()
                .createQuery("SELECT a FROM AccountRow a WHERE a.accountNumber = :number", AccountRow.class)
                .setParameter("number", number.value())
                .getResultList().stream()
                .map(row -> new AccountMatch(JpaAccounts.toDomain(row), AccountMatch.By.ACCOUNT_NUMBER,
                        Optional.empty()))
                .toList();
    }

    @Override
    public List<AccountMatch> byInvoiceNumber(String invoiceNumber, int limit) {
        return unitOfWork.entityManager()
                .createQuery("SELECT a FROM AccountRow a, InvoiceRow i WHERE i.invoiceNumber = :number"
                        + " AND a.id = i.accountId ORDER BY a.name, a.id", AccountRow.class)
                .setParameter("number", invoiceNumber)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(row -> new AccountMatch(JpaAccounts.toDomain(row), AccountMatch.By.INVOICE_NUMBER,
                        Optional.empty()))
                .toList();
    }

    @Override
    public List<AccountMatch> byUsername(String usernameKey) {
        return users("u.usernameKey", usernameKey, AccountMatch.By.USERNAME, 1);
    }

    @Override
    public List<AccountMatch> byEmail(String emailKey, int limit) {
        return users("u.emailKey", emailKey, AccountMatch.By.EMAIL, limit);
    }

    private List<AccountMatch> users(String column, String key, AccountMatch.By by, int limit) {
        List<Object[]> rows = unitOfWork.entityManager()
                .createQuery("SELECT a, u.username, u.status FROM AccountRow a, PortalUserRow u WHERE " + column
                        + " = :key AND a.id = u.accountId ORDER BY a.name, u.username", Object[].class)
                .setParameter("key", key)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(row -> new AccountMatch(JpaAccounts.toDomain((AccountRow) row[0]), by, Optional.of(
                        new AccountMatch.MatchedUser((String) row[1], "DELETED".equals(row[2])))))
                .toList();
    }

    /**
     * The longest word typed walks its range of {@code account_name_word}'s key ({@code word >= 'trem' AND word <
     * 'tren'}, which every database can seek), and each other word is checked for the account found through
     * {@code ix_account_name_word_account}: a common short word costs no more than {@code limit} accounts' reads.
     */
    @Override
    public List<AccountMatch> byNameWords(Set<String> words, int limit) {
        List<String> prefixes = words.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        // No DISTINCT: it would make the database read the whole range before the first row (an account whose name
        // has two words of that prefix comes twice; the set below keeps it once).
        StringBuilder sql = new StringBuilder("SELECT w0.account_id FROM account_name_word w0"
                + " WHERE w0.word >= ? AND w0.word < ? AND w0.word LIKE ?");
        List<Object> parameters = new ArrayList<>(prefixes.size() * 3);
        range(prefixes.get(0), parameters);
        for (int i = 1; i < prefixes.size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM account_name_word w").append(i).append(" WHERE w").append(i)
                    .append(".account_id = w0.account_id AND w").append(i).append(".word >= ? AND w").append(i)
                    .append(".word < ? AND w").append(i).append(".word LIKE ?)");
            range(prefixes.get(i), parameters);
        }
        EntityManager em = unitOfWork.entityManager();
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        // A few more than asked for, in case an account came twice; every row read here costs the other words' probes.
        query.setMaxResults(limit + 4);
        List<UUID> ids = ((List<?>) query.getResultList()).stream().map(JpaAccountSearch::uuid).distinct()
                .limit(limit).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, AccountRow> accounts = em.createQuery("SELECT a FROM AccountRow a WHERE a.id IN :ids",
                        AccountRow.class)
                .setParameter("ids", ids)
                .getResultList().stream()
                .collect(Collectors.toMap(row -> row.id, Function.identity()));
        return accounts.values().stream()
                .sorted(Comparator.comparing((AccountRow row) -> row.name).thenComparing(row -> row.id))
                .map(row -> new AccountMatch(JpaAccounts.toDomain(row), AccountMatch.By.NAME, Optional.empty()))
                .toList();
    }

    /** A word's prefix as a key range and a pattern ({@link SearchWords} never leaves {@code %} or {@code _}). */
    private static void range(String prefix, List<Object> parameters) {
        int last = prefix.codePointBefore(prefix.length());
        String next = prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
        parameters.add(prefix);
        parameters.add(next);
        parameters.add(prefix + "%");
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(String.valueOf(value));
    }
}
