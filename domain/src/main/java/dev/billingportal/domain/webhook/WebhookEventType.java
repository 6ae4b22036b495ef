package dev.billingportal.domain.webhook;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.Arrays;
import java.util.Collection;

/** The events an endpoint may subscribe to (spec §13), by the names receivers see. */
public enum WebhookEventType {
    TRANSACTION_POSTED("transaction.posted"),
    PORTAL_USER_ADDED("portal_user.added"),
    PORTAL_USER_DELETED("portal_user.deleted"),
    PORTAL_USER_RESTORED("portal_user.restored"),
    WEBHOOK_TEST("webhook.test");

    /** An endpoint subscribed to {@code *} receives every type. */
    public static final String EVERY = "*";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static WebhookEventType parse(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new InvalidValue("is not an event type: " + wireName));
    }

    /**
     * Whether an endpoint subscribed to {@code subscribed} receives this event when it happens. (The test event is
     * not fanned out: "Send test event" addresses the one endpoint.)
     */
    public boolean isIn(Collection<String> subscribed) {
        return this != WEBHOOK_TEST && (subscribed.contains(EVERY) || subscribed.contains(wireName));
    }
}
