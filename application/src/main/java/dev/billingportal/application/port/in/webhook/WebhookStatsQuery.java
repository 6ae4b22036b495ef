package dev.billingportal.application.port.in.webhook;

/** The webhook figures the portal's metrics publish (spec §13): messages by status, and endpoints turned off. */
public interface WebhookStatsQuery {

    record Stats(long delivered, long failed, long pending, long endpointsDisabled) {
    }

    Stats stats();
}
