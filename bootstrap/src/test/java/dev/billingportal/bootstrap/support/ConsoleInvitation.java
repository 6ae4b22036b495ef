package dev.billingportal.bootstrap.support;

import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import java.time.Clock;

/** An operator's way into the console in a browser: the invitation's link, a password, the authenticator. */
public final class ConsoleInvitation {
    private ConsoleInvitation() {
    }

    /**
     * Follows {@code link} through the password and the authenticator (its code computed from the key the page shows,
     * at {@code clock}'s time) past the recovery codes to the console's home.
     */
    public static void accept(Browser browser, String link, Clock clock) {
        browser.open(link);
        browser.waitForHeading("Welcome to the Billing Console");
        browser.type(browser.field("Password"), Onboarding.PASSWORD);
        browser.type(browser.field("Confirm password"), Onboarding.PASSWORD);
        browser.button("Set password and continue").click();
        browser.waitForHeading("Set up your authenticator app");
        TotpSecret secret = TotpSecret.fromBase32(browser.element("totp-secret").getText().replace(" ", ""));
        browser.type(browser.field("Code from the app"), Totp.code(secret, Totp.step(clock.instant())));
        browser.button("Confirm").click();
        browser.waitForHeading("Save your recovery codes");
        browser.link("I have saved them").click();
        browser.waitForHeading("Find an account");
    }
}
