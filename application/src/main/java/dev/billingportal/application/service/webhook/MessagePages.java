package dev.billingportal.application.service.webhook;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.webhook.WebhookMessage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Pages of webhook messages, newest first by (created at, id): the cursor a page hands out and reads back. */
final class MessagePages {
    private MessagePages() {
    }

    /** Where the requested page starts; an unreadable cursor is the caller's invalid input. */
    static Optional<WebhookMessages.Position> after(PageRequest page) {
        return page.cursor().map(cursor -> {
            List<String> parts = KeysetCursor.decode(cursor, 2);
            try {
                return new WebhookMessages.Position(Instant.parse(parts.get(0)), parts.get(1));
            } catch (DateTimeParseException malformed) {
                throw KeysetCursor.invalid();
            }
        });
    }

    /** The page from up to {@code limit + 1} items read: the extra one only says that an older page exists. */
    static <T> Page<T> of(List<T> found, int limit, Function<T, WebhookMessage> message) {
        if (found.size() <= limit) {
            return new Page<>(found, Optional.empty());
        }
        List<T> items = found.subList(0, limit);
        WebhookMessage last = message.apply(items.getLast());
        return new Page<>(items, Optional.of(KeysetCursor.encode(last.createdAt().toString(), last.id())));
    }
}
