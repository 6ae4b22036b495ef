package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/**
 * A second factor to give: at sign-in's second step ({@code signingIn}: the page offers to start again), or to step
 * up before a sensitive action. {@code passkeys}: whether the operator has one, so the page offers it (the ceremony
 * needs JavaScript; the code never does).
 */
public record SecondFactorView(Chrome chrome, String action, String headingKey, String introKey, String submitKey,
                               String next, boolean passkeys, boolean signingIn, Optional<String> error) {
}
