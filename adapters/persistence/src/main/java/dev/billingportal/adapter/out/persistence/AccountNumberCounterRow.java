package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "account_number_counter")
public class AccountNumberCounterRow {
    @Id
    Integer id;
    @Column(name = "last_value")
    long lastValue;

    protected AccountNumberCounterRow() {
    }
}
