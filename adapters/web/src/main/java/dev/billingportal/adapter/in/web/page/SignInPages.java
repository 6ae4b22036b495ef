package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.SignInView;
import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.LogInUseCase;
import dev.billingportal.application.port.in.access.LogOutCommand;
import dev.billingportal.application.port.in.access.LogOutUseCase;
import dev.billingportal.application.port.in.access.SessionToken;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.TooManyAttempts;
import java.util.Optional;

/**
 * Signing in and out (spec §9): one generic message for every failed sign-in, the same throttling as the API's
 * (it is the same use case), a fresh session cookie at each sign-in, and back to the page that was asked for.
 */
public final class SignInPages {
    /** What the sign-in page says when the session it replaces ended on its own. */
    static final String ENDED = "ended";
    static final String PASSWORD_CHANGED = "password-changed";
    static final String SIGNED_OUT = "signed-out";

    private final Pages pages;
    private final LogInUseCase logIn;
    private final LogOutUseCase logOut;

    public SignInPages(Pages pages, LogInUseCase logIn, LogOutUseCase logOut) {
        this.pages = pages;
        this.logIn = logIn;
        this.logOut = logOut;
    }

    public void show(WebExchange exchange) {
        if (pages.sessions().current(exchange).isPresent()) {
            exchange.redirect(SafeRedirects.target(exchange.query("next").orElse("/")));
            return;
        }
        Chrome chrome = pages.anonymous(exchange, "signin.title");
        Optional<String> notice = exchange.query("notice").flatMap(code -> switch (code) {
            case ENDED -> Optional.of(chrome.t().get("signin.ended"));
            case PASSWORD_CHANGED -> Optional.of(chrome.t().get("signin.passwordChanged"));
            case SIGNED_OUT -> Optional.of(chrome.t().get("signin.signedOut"));
            default -> Optional.empty();
        });
        pages.page(exchange, 200, "signin.jte", new SignInView(chrome, "", Optional.empty(),
                SafeRedirects.target(exchange.query("next").orElse("/")), notice));
    }

    public void submit(WebExchange exchange) {
        String username = exchange.form().first("username").orElse("");
        String next = SafeRedirects.target(exchange.form().first("next").orElse("/"));
        try {
            SessionToken session = logIn.logIn(LogInCommand.of(username, exchange.form().value("password"),
                    SessionChannel.WEB));
            // The browser's previous session, if it had one, ends: one sign-in, one session (no fixation).
            pages.sessions().current(exchange).ifPresent(previous ->
                    logOut.logOut(new LogOutCommand(previous.actor(), previous.token())));
            pages.sessions().start(exchange, session);
            exchange.redirect(next);
        } catch (AuthenticationFailed | InvalidInput failed) {
            refuse(exchange, 401, username, next, "signin.failed");
        } catch (TooManyAttempts throttled) {
            exchange.header("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            refuse(exchange, 429, username, next, "signin.throttled");
        }
    }

    private void refuse(WebExchange exchange, int status, String username, String next, String messageKey) {
        Chrome chrome = pages.anonymous(exchange, "signin.title");
        pages.page(exchange, status, "signin.jte", new SignInView(chrome, username,
                Optional.of(chrome.t().get(messageKey)), next, Optional.empty()));
    }

    /** Ends the session on the server, not only in this browser. */
    public void signOut(WebExchange exchange, WebSessions.Session<Actor.PortalUserActor> session) {
        logOut.logOut(new LogOutCommand(session.actor(), session.token()));
        pages.sessions().end(exchange);
        exchange.redirect("/sign-in?notice=" + SIGNED_OUT);
    }
}
