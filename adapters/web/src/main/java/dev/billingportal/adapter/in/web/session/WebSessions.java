package dev.billingportal.adapter.in.web.session;

import dev.billingportal.adapter.in.web.WebSettings;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.access.CallerKind;
import dev.billingportal.application.port.in.access.CallerToken;
import dev.billingportal.application.port.in.access.SessionToken;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.SecretTokens;
import io.helidon.http.SetCookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The web pages' sessions (spec §9): an opaque token in a cookie ({@code HttpOnly}, {@code SameSite=Lax},
 * {@code Path=/}; {@code Secure} and the {@code __Host-} prefix over https), the same session store as the API's but
 * its own channel, so neither an API token nor the operator's is ever accepted here. Each session has a CSRF token
 * derived from it; forms shown before sign-in carry one bound to a cookie of their own instead.
 */
public final class WebSessions {
    /** The only kind of caller the web pages accept. */
    static final Set<CallerKind> ACCEPTED = Set.of(CallerKind.WEB_SESSION);

    private final AuthenticateCallerQuery authenticate;
    private final WebSettings settings;
    private final String sessionCookie;
    private final String csrfCookie;

    public WebSessions(AuthenticateCallerQuery authenticate, WebSettings settings) {
        this.authenticate = authenticate;
        this.settings = settings;
        String prefix = settings.secure() ? "__Host-" : "";
        this.sessionCookie = prefix + "portal-session";
        this.csrfCookie = prefix + "portal-csrf";
    }

    public String cookieName() {
        return sessionCookie;
    }

    /** The signed-in user of this request, with their session's token, if the cookie holds a live web session. */
    public Optional<Session> current(WebExchange exchange) {
        return exchange.cookie(sessionCookie).flatMap(token -> authenticate
                .authenticate(new CallerToken(token, ACCEPTED))
                .filter(Actor.PortalUserActor.class::isInstance)
                .map(actor -> new Session((Actor.PortalUserActor) actor, token)));
    }

    /** A signed-in user and the token their browser holds. */
    public record Session(Actor.PortalUserActor actor, String token) {
        /** The CSRF token of this session: derived from its token, never stored, unguessable without it. */
        public String csrf() {
            return Csrf.forSession(token);
        }

        @Override
        public String toString() {
            return "Session[" + actor + ", hidden]";
        }
    }

    /** A fresh session after sign-in: the old cookie, if any, is replaced — never reused (session fixation). */
    public void start(WebExchange exchange, SessionToken session) {
        exchange.setCookie(cookie(sessionCookie, session.token()).maxAge(session.expiresIn()).build());
        exchange.setCookie(expired(csrfCookie));
    }

    public void end(WebExchange exchange) {
        exchange.setCookie(expired(sessionCookie));
    }

    /** A cookie that tells the browser to forget the one of that name. */
    private SetCookie expired(String name) {
        return cookie(name, "").expires(Instant.EPOCH).maxAge(Duration.ZERO).build();
    }

    /**
     * The CSRF token for a form shown to a visitor who is not signed in: the value of a cookie of its own, set now
     * if the browser has none (double submit: a foreign page can neither read nor set it).
     */
    public String anonymousCsrf(WebExchange exchange) {
        Optional<String> existing = exchange.cookie(csrfCookie).filter(Csrf::wellFormed);
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = SecretTokens.generate();
        exchange.setCookie(cookie(csrfCookie, token).build());
        return token;
    }

    /**
     * Whether a request that changes something may: it comes from a page of this portal ({@code Origin}) and carries
     * the CSRF token of the signed-in session, or, before sign-in, the one of the visitor's CSRF cookie.
     */
    public boolean allowsChange(WebExchange exchange, Optional<Session> session) {
        if (!sameOrigin(exchange)) {
            return false;
        }
        Optional<String> sent = exchange.header("X-CSRF-Token").or(() -> exchange.form().first("_csrf"));
        if (sent.isEmpty()) {
            return false;
        }
        String expected = session.map(Session::csrf)
                .orElseGet(() -> exchange.cookie(csrfCookie).filter(Csrf::wellFormed).orElse(null));
        return expected != null && SecretTokens.constantTimeEquals(sent.get(), expected);
    }

    private boolean sameOrigin(WebExchange exchange) {
        return exchange.header("Origin")
                .map(origin -> origin.toLowerCase(java.util.Locale.ROOT))
                .filter(origin -> origin.equals(settings.origin())
                        || origin.equals(exchange.addressedOrigin(settings.baseUrl().getScheme())))
                .isPresent();
    }

    private SetCookie.Builder cookie(String name, String value) {
        return SetCookie.builder(name, value)
                .path("/")
                .httpOnly(true)
                .secure(settings.secure())
                .sameSite(SetCookie.SameSite.LAX);
    }
}
