package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.LoginThrottles;
import dev.billingportal.domain.access.LoginThrottle;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

public final class JpaLoginThrottles implements LoginThrottles {
    private final JpaUnitOfWork unitOfWork;

    public JpaLoginThrottles(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public LoginThrottle lock(String usernameKey) {
        EntityManager em = unitOfWork.entityManager();
        em.find(LoginThrottleStripeRow.class, stripe(usernameKey), LockModeType.PESSIMISTIC_WRITE);
        LoginThrottleRow row = em.find(LoginThrottleRow.class, usernameKey);
        return row == null ? LoginThrottle.fresh()
                : LoginThrottle.reconstitute(failures(row.recentFailures), row.lockedUntil);
    }

    @Override
    public void save(String usernameKey, LoginThrottle throttle) {
        EntityManager em = unitOfWork.entityManager();
        LoginThrottleRow row = em.find(LoginThrottleRow.class, usernameKey);
        boolean clear = throttle.recentFailures().isEmpty() && throttle.lockedUntil() == null;
        if (row == null) {
            if (clear) {
                return; // nothing worth remembering
            }
            row = new LoginThrottleRow();
            row.usernameKey = usernameKey;
            em.persist(row);
        } else if (clear) {
            em.remove(row);
            return;
        }
        row.recentFailures = throttle.recentFailures().stream()
                .map(failure -> Long.toString(failure.toEpochMilli()))
                .collect(Collectors.joining(","));
        row.lockedUntil = throttle.lockedUntil();
    }

    static int stripe(String usernameKey) {
        return Math.floorMod(usernameKey.hashCode(), LoginThrottleStripeRow.STRIPES);
    }

    private static List<Instant> failures(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(millis -> Instant.ofEpochMilli(Long.parseLong(millis))).toList();
    }
}
