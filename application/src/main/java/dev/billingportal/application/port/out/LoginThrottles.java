package dev.billingportal.application.port.out;

import dev.billingportal.domain.access.LoginThrottle;

/** Sign-in throttling state per username (lower-cased). */
public interface LoginThrottles {

    /**
     * The throttle of this username, locked until the unit of work ends: concurrent sign-ins for one
     * username are decided one after another, so none slips past the limit.
     */
    LoginThrottle lock(String usernameKey);

    void save(String usernameKey, LoginThrottle throttle);
}
