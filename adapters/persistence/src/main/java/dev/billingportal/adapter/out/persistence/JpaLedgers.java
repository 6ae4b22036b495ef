package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.Ledgers;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Ledger;
import dev.billingportal.domain.billing.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** The ledger lives on the account row: {@code last_sequence} and {@code balance_minor}. */
public final class JpaLedgers implements Ledgers {
    private final JpaUnitOfWork unitOfWork;

    public JpaLedgers(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Ledger lock(AccountId account) {
        EntityManager em = unitOfWork.entityManager();
        AccountRow row = em.find(AccountRow.class, account.value());
        // Re-read under SELECT ... FOR UPDATE: the row may already be in this unit, read before the lock,
        // and a concurrent posting may have moved the ledger on since.
        em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
        return ledger(row);
    }

    @Override
    public Ledger read(AccountId account) {
        return ledger(unitOfWork.entityManager().find(AccountRow.class, account.value()));
    }

    @Override
    public void save(AccountId account, Ledger ledger) {
        AccountRow row = unitOfWork.entityManager().find(AccountRow.class, account.value());
        row.lastSequence = ledger.lastSequence();
        row.balanceMinor = ledger.balance().minor();
    }

    private static Ledger ledger(AccountRow row) {
        return new Ledger(row.lastSequence, new Money(row.balanceMinor, new CurrencyCode(row.currency)));
    }
}
