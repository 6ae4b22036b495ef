package dev.billingportal.adapter.in.web.frame;

import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.domain.failure.NotFound;
import java.util.UUID;

/** An id in a page's path: one that is not even an id names nothing here, so its page is a 404 like any other. */
public final class PathIds {
    private PathIds() {
    }

    public static UUID of(WebExchange exchange, String parameter, String what) {
        try {
            return UUID.fromString(exchange.pathParameter(parameter).orElse(""));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound(what);
        }
    }
}
