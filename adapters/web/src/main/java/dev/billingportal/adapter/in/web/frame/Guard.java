package dev.billingportal.adapter.in.web.frame;

import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.Site;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.TemporarilyUnavailable;
import io.helidon.webserver.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one guard every page of a site goes through: visitors who are not signed in go to the site's sign-in page and
 * back; a change without a same-origin {@code Origin} and the CSRF token gets 403 and changes nothing; and every
 * failure becomes a page — never a stack trace: an unexpected one is logged with an incident id that the page shows.
 * Each site has its own guard over its own sessions, so neither accepts the other's cookie.
 *
 * @param <A> who the site's signed-in visitors are
 */
public final class Guard<A extends Actor> {
    private static final Logger LOG = Logger.getLogger(Guard.class.getName());

    /** A page for anyone. */
    @FunctionalInterface
    public interface OpenPage {
        void handle(WebExchange exchange);
    }

    /** A page for a signed-in visitor. */
    @FunctionalInterface
    public interface PrivatePage<A extends Actor> {
        void handle(WebExchange exchange, WebSessions.Session<A> session);
    }

    /** How the site frames its pages, for the failure pages the guard shows. */
    public interface Frames<A extends Actor> {
        /** The frame of a signed-in visitor's page, without a title. */
        Chrome signedIn(WebSessions.Session<A> session);

        /** The frame of a page for a visitor who is not signed in. */
        Chrome anonymous(WebExchange exchange, String titleKey);

        /**
         * Whether the browser's cookie holds a sign-in still under way (the console's second step): it is sent to the
         * sign-in page, which leads on to that step, without losing its cookie or being told its session ended.
         */
        default boolean signingIn(WebExchange exchange) {
            return false;
        }
    }

    private final Frame frame;
    private final Site site;
    private final WebSessions<A> sessions;
    private final Frames<A> frames;

    public Guard(Frame frame, Site site, WebSessions<A> sessions, Frames<A> frames) {
        this.frame = frame;
        this.site = site;
        this.sessions = sessions;
        this.frames = frames;
    }

    public Handler open(OpenPage page) {
        return (request, response) -> {
            WebExchange exchange = new WebExchange(request, response);
            guard(exchange, Optional.empty(), () -> {
                // A page for anyone may be shown to someone signed in (the console's enrolment is both): its form
                // carries the session's token then, the visitor's CSRF cookie's otherwise.
                if (exchange.isPost() && !sessions.allowsChange(exchange, Optional.empty())
                        && !sessions.token(exchange).map(token -> sessions.allowsChange(exchange, Optional.of(token)))
                        .orElse(false)) {
                    forbidden(exchange, frames.anonymous(exchange, "error.title"));
                    return;
                }
                page.handle(exchange);
            });
        };
    }

    public Handler signedIn(PrivatePage<A> page) {
        return (request, response) -> {
            WebExchange exchange = new WebExchange(request, response);
            Optional<WebSessions.Session<A>> session = sessions.current(exchange);
            if (session.isEmpty()) {
                toSignIn(exchange);
                return;
            }
            guard(exchange, session, () -> {
                if (exchange.isPost() && !sessions.allowsChange(exchange, session.map(WebSessions.Session::token))) {
                    forbidden(exchange, frames.signedIn(session.get()));
                    return;
                }
                page.handle(exchange, session.get());
            });
        };
    }

    /** Not signed in, or the session ended: to the sign-in page, and back here after. */
    public void toSignIn(WebExchange exchange) {
        boolean ended = sessions.token(exchange).isPresent() && !frames.signingIn(exchange);
        String back = exchange.htmx()
                ? exchange.header("HX-Current-URL").flatMap(SafeRedirects::pathOf).orElse(site.home())
                : exchange.isPost() ? site.home() : exchange.pathAndQuery();
        String location = site.signIn() + "?next=" + URLEncoder.encode(SafeRedirects.target(back, site.home()),
                StandardCharsets.UTF_8) + (ended ? "&notice=ended" : "");
        if (ended) {
            sessions.end(exchange);
        }
        if (exchange.htmx()) {
            exchange.htmxRedirect(location);
        } else {
            exchange.redirect(location);
        }
    }

    private void guard(WebExchange exchange, Optional<WebSessions.Session<A>> session, Runnable page) {
        try {
            page.run();
        } catch (AuthenticationFailed ended) {
            toSignIn(exchange);
        } catch (NotFound | Forms.Unreadable notFound) {
            failurePage(exchange, session, notFound instanceof NotFound ? 404 : 400,
                    notFound instanceof NotFound ? "error.notFound" : "error.badRequest", Optional.empty());
        } catch (AccessDenied denied) {
            failurePage(exchange, session, 403, "error.forbidden", Optional.empty());
        } catch (StateConflict changed) {
            // Two people on one thing (a user restored, a notification retried, by someone else a moment ago).
            failurePage(exchange, session, 409, "error.conflict", Optional.empty());
        } catch (TemporarilyUnavailable busy) {
            exchange.header("Retry-After", "1");
            failurePage(exchange, session, 503, "error.unavailable", Optional.empty());
        } catch (RuntimeException unexpected) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "A web page failed unexpectedly, incident " + incident, unexpected);
            failurePage(exchange, session, 500, "error.unexpected", Optional.of(incident));
        }
    }

    private void failurePage(WebExchange exchange, Optional<WebSessions.Session<A>> session, int status,
                             String bodyKey, Optional<String> incident) {
        if (exchange.isSent()) {
            return;
        }
        try {
            Chrome chrome = session.map(frames::signedIn).orElseGet(() -> frames.anonymous(exchange, "error.title"));
            Texts t = chrome.t();
            frame.message(exchange, chrome.titled(t.get("error.title")), status, t.get("error.heading." + status),
                    t.get(bodyKey), incident);
        } catch (RuntimeException failedAgain) {
            LOG.log(Level.SEVERE, "The error page failed too", failedAgain);
            exchange.html(status, "<!DOCTYPE html><html lang=\"en-CA\"><title>Billing Portal</title><main><h1>"
                    + status + "</h1></main></html>");
        }
    }

    private void forbidden(WebExchange exchange, Chrome chrome) {
        Texts t = chrome.t();
        frame.message(exchange, chrome, 403, t.get("error.heading.403"), t.get("error.csrf"), Optional.empty());
    }
}
