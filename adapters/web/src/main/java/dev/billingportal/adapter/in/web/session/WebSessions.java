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
 * The sessions of one site of the web adapter — the customers' portal (spec §9) or the provider's console (§12): an
 * opaque token in a cookie of the site's own ({@code HttpOnly}, {@code Path=/}; {@code Secure} and the
 * {@code __Host-} prefix over https), accepted as one kind of caller only, so that neither site, nor the API, ever
 * takes the other's token. Each session has a CSRF token derived from it; forms shown before sign-in carry one bound to
 * a cookie of their own instead.
 *
 * @param <A> who the site's signed-in visitors are
 */
public final class WebSessions<A extends Actor> {
    /** How a site keeps its sessions: its cookies, how strictly the browser confines them, and its one caller kind. */
    public record Channel(String sessionCookie, String csrfCookie, SetCookie.SameSite sameSite, CallerKind kind) {

        /** The customers' pages (§9): {@code SameSite=Lax}, so that a link from an e-mail opens a signed-in page. */
        public static Channel portal(boolean secure) {
            String prefix = secure ? "__Host-" : "";
            return new Channel(prefix + "portal-session", prefix + "portal-csrf", SetCookie.SameSite.LAX,
                    CallerKind.WEB_SESSION);
        }

        /** The provider's console (§11): {@code __Host-console} over https, else {@code console_session}; strict. */
        public static Channel console(boolean secure) {
            return new Channel(secure ? "__Host-console" : "console_session",
                    secure ? "__Host-console-csrf" : "console_csrf", SetCookie.SameSite.STRICT,
                    CallerKind.CONSOLE_SESSION);
        }
    }

    private final AuthenticateCallerQuery authenticate;
    private final WebSettings settings;
    private final Channel channel;
    private final Class<A> visitor;

    public WebSessions(AuthenticateCallerQuery authenticate, WebSettings settings, Channel channel, Class<A> visitor) {
        this.authenticate = authenticate;
        this.settings = settings;
        this.channel = channel;
        this.visitor = visitor;
    }

    public String cookieName() {
        return channel.sessionCookie();
    }

    /** The token the browser holds, whatever state its session is in (the console's half-way sign-in reads it). */
    public Optional<String> token(WebExchange exchange) {
        return exchange.cookie(channel.sessionCookie()).filter(token -> !token.isEmpty());
    }

    /** The signed-in visitor of this request, with their session's token, if the cookie holds a live session. */
    public Optional<Session<A>> current(WebExchange exchange) {
        return token(exchange).flatMap(token -> authenticate
                .authenticate(new CallerToken(token, Set.of(channel.kind())))
                .filter(visitor::isInstance)
                .map(actor -> new Session<>(visitor.cast(actor), token)));
    }

    /** A signed-in visitor and the token their browser holds. */
    public record Session<A extends Actor>(A actor, String token) {
        /** The CSRF token of this session: derived from its token, never stored, unguessable without it. */
        public String csrf() {
            return Csrf.forSession(token);
        }

        @Override
        public String toString() {
            return "Session[" + actor + ", hidden]";
        }
    }

    /**
     * A fresh session after sign-in (or a step of it): the old cookie, if any, is replaced — never reused (session
     * fixation). Without a lifetime the cookie lasts as long as the browser's session.
     */
    public void start(WebExchange exchange, String token, Optional<Duration> lifetime) {
        SetCookie.Builder cookie = cookie(channel.sessionCookie(), token);
        lifetime.ifPresent(cookie::maxAge);
        exchange.setCookie(cookie.build());
        exchange.setCookie(expired(channel.csrfCookie()));
    }

    /** A signed-in session, its cookie living as long as the session may. */
    public void start(WebExchange exchange, SessionToken session) {
        start(exchange, session.token(), Optional.of(session.expiresIn()));
    }

    public void end(WebExchange exchange) {
        exchange.setCookie(expired(channel.sessionCookie()));
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
        Optional<String> existing = exchange.cookie(channel.csrfCookie()).filter(Csrf::wellFormed);
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = SecretTokens.generate();
        exchange.setCookie(cookie(channel.csrfCookie(), token).build());
        return token;
    }

    /** The CSRF token a form carries for the session of {@code token} (a half-way one too). */
    public static String csrfOf(String token) {
        return Csrf.forSession(token);
    }

    /**
     * Whether a request that changes something may: it comes from a page of this site ({@code Origin}) and carries
     * the CSRF token of the session whose token the browser holds, or, without one, the one of the visitor's CSRF
     * cookie.
     */
    public boolean allowsChange(WebExchange exchange, Optional<String> sessionToken) {
        if (!sameOrigin(exchange)) {
            return false;
        }
        Optional<String> sent = exchange.header("X-CSRF-Token").or(() -> exchange.form().first("_csrf"));
        if (sent.isEmpty()) {
            return false;
        }
        String expected = sessionToken.map(Csrf::forSession)
                .orElseGet(() -> exchange.cookie(channel.csrfCookie()).filter(Csrf::wellFormed).orElse(null));
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
                .sameSite(channel.sameSite());
    }
}
