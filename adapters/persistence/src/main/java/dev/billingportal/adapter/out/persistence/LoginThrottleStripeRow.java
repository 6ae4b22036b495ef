package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row a sign-in locks for its username's stripe (see the V2 migration). */
@Entity
@Table(name = "login_throttle_stripe")
public class LoginThrottleStripeRow {
    static final int STRIPES = 64;

    @Id
    Integer stripe;

    protected LoginThrottleStripeRow() {
    }
}
