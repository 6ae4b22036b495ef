package dev.billingportal.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.LoginThrottle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaLoginThrottlesTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @TempDir
    Path folder;
    private Database database;
    private JpaUnitOfWork unitOfWork;
    private JpaLoginThrottles throttles;

    @BeforeEach
    void open() {
        database = TestDatabase.open(folder);
        unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
        throttles = new JpaLoginThrottles(unitOfWork);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void usernamesOfEveryStripeCanBeLockedAndTheirFailuresRemembered() {
        Map<Integer, String> oneUsernamePerStripe = new HashMap<>();
        for (int i = 0; oneUsernamePerStripe.size() < 64 && i < 100_000; i++) {
            String key = "user" + i + "@example.com";
            oneUsernamePerStripe.putIfAbsent(JpaLoginThrottles.stripe(key), key);
        }
        assertEquals(64, oneUsernamePerStripe.size());

        for (String key : oneUsernamePerStripe.values()) {
            unitOfWork.inTransaction(() -> {
                LoginThrottle throttle = throttles.lock(key);
                throttle.failed(T0);
                throttles.save(key, throttle);
            });
            LoginThrottle read = unitOfWork.inTransaction(() -> throttles.lock(key));
            assertEquals(1, read.recentFailures().size(), key);
        }
    }

    @Test
    void aClearedThrottleLeavesNoRowBehind() {
        unitOfWork.inTransaction(() -> {
            LoginThrottle throttle = throttles.lock("ann@example.com");
            for (int i = 0; i < 5; i++) {
                throttle.failed(T0.plusSeconds(i));
            }
            throttles.save("ann@example.com", throttle);
        });
        assertTrue(unitOfWork.inTransaction(() -> throttles.lock("ann@example.com")).lockedFor(T0.plusSeconds(5))
                .isPresent());

        unitOfWork.inTransaction(() -> {
            LoginThrottle throttle = throttles.lock("ann@example.com");
            throttle.succeeded();
            throttles.save("ann@example.com", throttle);
        });

        assertEquals(0L, unitOfWork.inTransaction(() -> unitOfWork.entityManager()
                .createQuery("SELECT COUNT(t) FROM LoginThrottleRow t", Long.class).getSingleResult()));
    }
}
