package dev.billingportal.bootstrap.support;

import java.time.Duration;

/**
 * A mailed link goes live when the delivery that wrote its token commits, a moment after the mail server took the
 * mail: the delivery sends inside its transaction, so a send that fails leaves no live link behind
 * ({@code DeliverNotificationService}). Nobody clicks within that moment; a test that reads its mailbox can, so it
 * waits for the link to open before following it.
 */
public final class MailedLinks {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private MailedLinks() {
    }

    /**
     * Waits until the link's page ({@code path}: its path and query, e.g. {@code /invitation?token=…}) opens — the
     * page only looks at its token, it does not use it — and fails if a newly mailed link never does.
     */
    public static void awaitLive(Api api, String path) {
        Await.until(LIMIT, () -> api.get(path, null).status() == 200,
                "the mailed link " + path.replaceAll("token=.*", "token=…") + " opens");
    }
}
