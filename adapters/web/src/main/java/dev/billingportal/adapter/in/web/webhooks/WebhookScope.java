package dev.billingportal.adapter.in.web.webhooks;

import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import java.util.Optional;

/**
 * Whose webhook endpoints a page shows and to whom (spec §13): the reader, the owner (an account, or the provider),
 * the path the pages live under ({@code /webhooks}, {@code /console/webhooks},
 * {@code /console/accounts/{id}/webhooks}), what the reader may do there, and the site's frame. The use cases decide
 * again; the flags only leave out the forms a reader could not use.
 *
 * @param mayManage add, change, rotate the secret of and delete endpoints
 * @param maySend   send a test event and resend a message
 * @param current   the site's navigation or menu entry the pages are under
 */
public record WebhookScope(Actor actor, Optional<AccountId> owner, Texts t, Formats formats, String path,
                           boolean mayManage, boolean maySend, Frames frames, String current) {

    /** The site's chrome around a page: its title, and which of the site's entries it is under. */
    @FunctionalInterface
    public interface Frames {
        Chrome chrome(String title, String current);
    }

    Chrome chrome(String title) {
        return frames.chrome(title, current);
    }
}
