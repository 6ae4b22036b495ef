package dev.billingportal.adapter.in.web.frame;

import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.failure.InvalidInput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * A list a page reads newest first, one keyset page at a time ({@code ?cursor=…}, after the filters {@code path}
 * may carry), with the links to the older page and, past the first, back to the newest. A cursor that no longer reads (an old or edited link) is not an error
 * page: the reader is sent to the newest.
 */
public record NewestFirstPage<T>(Page<T> page, Optional<String> olderHref, Optional<String> newestHref) {

    /** The page {@code path} asks for, or empty when the reader was redirected to the newest instead. */
    public static <T> Optional<NewestFirstPage<T>> read(WebExchange exchange, String path, int size,
                                                 Function<PageRequest, Page<T>> query) {
        return read(exchange, path, "cursor", size, query);
    }

    /** The same, for one of several lists on a page, each paging by its own parameter. */
    public static <T> Optional<NewestFirstPage<T>> read(WebExchange exchange, String path, String parameter,
                                                        int size, Function<PageRequest, Page<T>> query) {
        Optional<String> cursor = exchange.query(parameter).filter(value -> !value.isBlank());
        Page<T> page;
        try {
            page = query.apply(new PageRequest(cursor, size));
        } catch (InvalidInput staleCursor) {
            exchange.redirect(path);
            return Optional.empty();
        }
        return Optional.of(new NewestFirstPage<>(page, page.nextCursor().map(next -> path
                + (path.contains("?") ? "&" : "?") + parameter + "="
                + URLEncoder.encode(next, StandardCharsets.UTF_8)), cursor.map(ignored -> path)));
    }
}
