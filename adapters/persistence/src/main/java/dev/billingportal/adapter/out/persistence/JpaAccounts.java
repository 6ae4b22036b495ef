package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.account.SearchWords;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.Optional;

public final class JpaAccounts implements Accounts {
    private final JpaUnitOfWork unitOfWork;

    public JpaAccounts(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(Account account) {
        AccountRow row = new AccountRow();
        row.id = account.id().value();
        row.accountNumber = account.number().value();
        row.name = account.name().value();
        row.currency = account.currency().value();
        row.createdAt = account.createdAt();
        EntityManager em = unitOfWork.entityManager();
        try {
            em.persist(row);
            em.flush();
            // The words the console's search finds the account by (V12); an account's name never changes.
            for (String word : SearchWords.of(account.name().value())) {
                em.createNativeQuery("INSERT INTO account_name_word (word, account_id) VALUES (?, ?)")
                        .setParameter(1, word)
                        .setParameter(2, row.id)
                        .executeUpdate();
            }
        } catch (PersistenceException failure) {
            throw PersistenceFailures.translate(failure);
        }
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(AccountRow.class, id.value()))
                .map(JpaAccounts::toDomain);
    }

    @Override
    public Optional<Account> findByNumber(AccountNumber number) {
        return unitOfWork.entityManager()
                .createQuery("SELECT a FROM AccountRow a WHERE a.accountNumber = :number", AccountRow.class)
                .setParameter("number", number.value())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(JpaAccounts::toDomain);
    }

    @Override
    public boolean numberTaken(AccountNumber number) {
        return !unitOfWork.entityManager()
                .createQuery("SELECT a.id FROM AccountRow a WHERE a.accountNumber = :number", java.util.UUID.class)
                .setParameter("number", number.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public boolean any() {
        return !unitOfWork.entityManager().createQuery("SELECT a.id FROM AccountRow a", java.util.UUID.class)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public long nextNumberSequence() {
        AccountNumberCounterRow counter = unitOfWork.entityManager()
                .find(AccountNumberCounterRow.class, 1, LockModeType.PESSIMISTIC_WRITE);
        counter.lastValue++;
        return counter.lastValue;
    }

    static Account toDomain(AccountRow row) {
        return new Account(new AccountId(row.id), new AccountNumber(row.accountNumber), new AccountName(row.name),
                new CurrencyCode(row.currency), row.createdAt);
    }
}
