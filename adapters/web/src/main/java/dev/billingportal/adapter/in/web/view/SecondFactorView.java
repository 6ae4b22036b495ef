package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/**
 * A second factor to give: at sign-in's second step ({@code signingIn}: the page offers to start again), or to step
 * up before a sensitive action. {@code passkey}: the ceremony the page offers when the operator has a passkey (it
 * needs JavaScript; the code never does).
 */
public record SecondFactorView(Chrome chrome, String action, String headingKey, String introKey, String submitKey,
                               String next, Optional<PasskeyCeremony> passkey, boolean signingIn,
                               Optional<String> error) {
}
