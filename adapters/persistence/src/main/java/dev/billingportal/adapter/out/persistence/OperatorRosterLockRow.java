package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row every change that could take an administrator away locks first (see V10): the last one remains. */
@Entity
@Table(name = "operator_roster_lock")
public class OperatorRosterLockRow {
    @Id
    Integer id;

    protected OperatorRosterLockRow() {
    }
}
