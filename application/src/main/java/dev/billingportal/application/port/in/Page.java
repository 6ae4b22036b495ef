package dev.billingportal.application.port.in;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list, newest first, with the opaque cursor of the next (older) page if there is one and, where the
 * list can be walked back up, of the previous (newer) page.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor, Optional<String> previousCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page of a list read one way only: from the newest down. */
    public Page(List<T> items, Optional<String> nextCursor) {
        this(items, nextCursor, Optional.empty());
    }
}
