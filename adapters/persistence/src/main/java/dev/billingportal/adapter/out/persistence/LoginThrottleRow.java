package dev.billingportal.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "login_throttle")
public class LoginThrottleRow {
    @Id
    @Column(name = "username_key")
    String usernameKey;
    @Column(name = "recent_failures")
    String recentFailures;
    @Column(name = "locked_until")
    Instant lockedUntil;

    protected LoginThrottleRow() {
    }
}
