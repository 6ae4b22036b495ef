package dev.billingportal.adapter.in.web;

import dev.billingportal.adapter.in.web.http.RequestAllowance;
import dev.billingportal.domain.access.SecretTokens;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits the requests of each client address and each session, in front of every route of the server — the API, the
 * pages and their assets alike — before any body is read or any database touched. A request over a limit gets 429
 * with {@code Retry-After}: an RFC 9457 problem on {@code /api}, a short page elsewhere. Health checks and metrics are
 * not limited: a load balancer or a scraper polls them from one address.
 */
@ApplicationScoped
public class RateLimiting implements Filter {
    @Inject
    RateLimits limits;

    private static final io.helidon.http.HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    private RequestAllowance perAddress;
    private RequestAllowance perSession;

    /** Before the server starts (Helidon starts it at PLATFORM_AFTER + 100): a filter on the default routing. */
    void register(@Observes @Priority(Interceptor.Priority.APPLICATION + 20) @Initialized(ApplicationScoped.class)
                  Object event, BeanManager beans) {
        perAddress = new RequestAllowance(limits.perAddressPerMinute(), System::nanoTime);
        perSession = new RequestAllowance(limits.perSessionPerMinute(), System::nanoTime);
        if (!perAddress.unlimited() || !perSession.unlimited()) {
            beans.getExtension(ServerCdiExtension.class).serverRoutingBuilder().addFilter(this);
        }
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String path = request.path().path();
        if (path.startsWith("/health") || path.equals("/metrics") || path.startsWith("/metrics/")) {
            chain.proceed();
            return;
        }
        Duration wait = perAddress.take(limits.clientAddress(request.remotePeer().host(),
                request.headers().first(FORWARDED_FOR)));
        if (wait.isZero()) {
            Optional<String> session = session(request);
            if (session.isPresent()) {
                wait = perSession.take(session.get());
            }
        }
        if (wait.isZero()) {
            chain.proceed();
            return;
        }
        refuse(path, wait, response);
    }

    /** The caller's credential, hashed: the map of buckets holds no token. */
    private static Optional<String> session(RoutingRequest request) {
        Optional<String> credential = request.headers().first(HeaderNames.AUTHORIZATION)
                .or(() -> request.headers().cookies().first("__Host-portal-session").asOptional())
                .or(() -> request.headers().cookies().first("portal-session").asOptional());
        return credential.map(SecretTokens::hash);
    }

    private static void refuse(String path, Duration wait, RoutingResponse response) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.status(Status.TOO_MANY_REQUESTS_429);
        response.header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        if (path.startsWith("/api/") || path.equals("/api")) {
            response.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
            response.send(("{\"type\":\"urn:billing-portal:problem:too-many-requests\",\"title\":\"Too many requests\","
                    + "\"status\":429,\"detail\":\"Too many requests from this client; try again in " + seconds
                    + " seconds.\"}").getBytes(StandardCharsets.UTF_8));
        } else {
            response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
            response.header(HeaderNames.create("Content-Security-Policy"), "default-src 'none'");
            response.send(("<!DOCTYPE html><html lang=\"en-CA\"><meta charset=\"utf-8\"><title>Too many requests</title>"
                    + "<h1>Too many requests</h1><p>Try again in " + seconds + " seconds.</p>"
                    + "<p lang=\"fr-CA\">Trop de requêtes : réessayez dans " + seconds + " secondes.</p></html>")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
