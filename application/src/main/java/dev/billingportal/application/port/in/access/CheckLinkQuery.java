package dev.billingportal.application.port.in.access;

public interface CheckLinkQuery {

    /**
     * Whether the link would still work — known, unused, unexpired, and its user still invited (an invitation) or
     * active (a reset) — without using it: the page it opens can say at once that it has expired.
     */
    boolean isUsable(LinkToken link);
}
