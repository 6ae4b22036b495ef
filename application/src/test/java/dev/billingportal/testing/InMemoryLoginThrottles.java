package dev.billingportal.testing;

import dev.billingportal.application.port.out.LoginThrottles;
import dev.billingportal.domain.access.LoginThrottle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** No locking: concurrent sign-ins are tested against the real database. */
public final class InMemoryLoginThrottles implements LoginThrottles {
    private final Map<String, LoginThrottle> throttles = new ConcurrentHashMap<>();

    @Override
    public LoginThrottle lock(String usernameKey) {
        LoginThrottle stored = throttles.get(usernameKey);
        return stored == null ? LoginThrottle.fresh()
                : LoginThrottle.reconstitute(stored.recentFailures(), stored.lockedUntil());
    }

    @Override
    public void save(String usernameKey, LoginThrottle throttle) {
        throttles.put(usernameKey, LoginThrottle.reconstitute(throttle.recentFailures(), throttle.lockedUntil()));
    }
}
