package dev.billingportal.adapter.out.persistence.contract;

import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.NOW;
import static dev.billingportal.adapter.out.persistence.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.billingportal.domain.access.LoginThrottle;
import dev.billingportal.testing.Stores;
import java.util.List;

/** What the services rely on from {@code LoginThrottles}. */
class LoginThrottlesContractTest {

    @EveryStore
    void anUnknownUsernameStartsFreshAndSavedFailuresAreReadBack(Stores stores) {
        String key = unique("ann") + "@example.com";
        LoginThrottle fresh = stores.unitOfWork().inTransaction(() -> stores.throttles().lock(key));
        assertEquals(List.of(), fresh.recentFailures());
        assertNull(fresh.lockedUntil());

        stores.unitOfWork().inTransaction(() -> {
            LoginThrottle throttle = stores.throttles().lock(key);
            throttle.failed(NOW);
            throttle.failed(NOW.plusSeconds(1));
            stores.throttles().save(key, throttle);
        });

        LoginThrottle read = stores.unitOfWork().inTransaction(() -> stores.throttles().lock(key));
        assertEquals(List.of(NOW, NOW.plusSeconds(1)), read.recentFailures());
    }

    @EveryStore
    void aLockoutIsKeptUntilItsEnd(Stores stores) {
        String key = unique("bob") + "@example.com";
        stores.unitOfWork().inTransaction(() -> {
            LoginThrottle throttle = stores.throttles().lock(key);
            for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
                throttle.failed(NOW.plusSeconds(i));
            }
            stores.throttles().save(key, throttle);
        });

        LoginThrottle read = stores.unitOfWork().inTransaction(() -> stores.throttles().lock(key));
        assertEquals(NOW.plusSeconds(LoginThrottle.MAX_FAILURES - 1).plus(LoginThrottle.LOCKOUT), read.lockedUntil());
        assertEquals(List.of(), read.recentFailures());
    }
}
