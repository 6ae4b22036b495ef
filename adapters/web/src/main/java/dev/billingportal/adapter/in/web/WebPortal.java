package dev.billingportal.adapter.in.web;

import dev.billingportal.adapter.in.web.http.Assets;
import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.page.DashboardPage;
import dev.billingportal.adapter.in.web.page.HistoryPage;
import dev.billingportal.adapter.in.web.page.InvoicesPages;
import dev.billingportal.adapter.in.web.page.LanguageSwitch;
import dev.billingportal.adapter.in.web.page.LinkPages;
import dev.billingportal.adapter.in.web.page.ManageUsersPages;
import dev.billingportal.adapter.in.web.page.NotificationsPage;
import dev.billingportal.adapter.in.web.page.Pages;
import dev.billingportal.adapter.in.web.page.SignInPages;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.adapter.in.web.view.CardLabels;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.access.AcceptInvitationUseCase;
import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.access.CheckLinkQuery;
import dev.billingportal.application.port.in.access.LogInUseCase;
import dev.billingportal.application.port.in.access.LogOutUseCase;
import dev.billingportal.application.port.in.access.RequestPasswordResetUseCase;
import dev.billingportal.application.port.in.access.ResetPasswordUseCase;
import dev.billingportal.application.port.in.billing.ExportTransactionsQuery;
import dev.billingportal.application.port.in.billing.GetDashboardQuery;
import dev.billingportal.application.port.in.billing.GetInvoiceQuery;
import dev.billingportal.application.port.in.billing.ListInvoicesQuery;
import dev.billingportal.application.port.in.billing.ListTransactionsQuery;
import dev.billingportal.application.port.in.billing.RenderInvoiceQuery;
import dev.billingportal.application.port.in.notification.ListNotificationsQuery;
import dev.billingportal.application.port.in.user.AddPortalUserUseCase;
import dev.billingportal.application.port.in.user.ChooseLanguageUseCase;
import dev.billingportal.application.port.in.user.DeletePortalUserUseCase;
import dev.billingportal.application.port.in.user.EditPortalUserUseCase;
import dev.billingportal.application.port.in.user.GetCurrentUserQuery;
import dev.billingportal.application.port.in.user.GetPortalUserQuery;
import dev.billingportal.application.port.in.user.ListPortalUsersQuery;
import dev.billingportal.application.port.in.user.ReinvitePortalUserUseCase;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.TemporarilyUnavailable;
import io.helidon.microprofile.server.RoutingPath;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web portal (spec §9), a second inbound adapter over the same use cases as the REST API, served under {@code /}
 * next to it. This class is its routing table; every route goes through one guard that answers the security headers,
 * sends visitors who are not signed in to {@code /sign-in} and back, refuses any change that lacks a same-origin
 * {@code Origin} and the CSRF token (403, nothing changed), and turns every failure into a page — never a stack
 * trace: an unexpected one is logged with an incident id that the page shows.
 */
@ApplicationScoped
@RoutingPath("/")
public class WebPortal implements HttpService {
    private static final Logger LOG = Logger.getLogger(WebPortal.class.getName());

    @Inject
    WebSettings settings;
    @Inject
    AuthenticateCallerQuery authenticate;
    @Inject
    GetCurrentUserQuery currentUser;
    @Inject
    LogInUseCase logIn;
    @Inject
    LogOutUseCase logOut;
    @Inject
    CheckLinkQuery checkLink;
    @Inject
    AcceptInvitationUseCase acceptInvitation;
    @Inject
    RequestPasswordResetUseCase requestReset;
    @Inject
    ResetPasswordUseCase resetPassword;
    @Inject
    GetDashboardQuery dashboard;
    @Inject
    ListTransactionsQuery transactions;
    @Inject
    ExportTransactionsQuery exportTransactions;
    @Inject
    ListNotificationsQuery notifications;
    @Inject
    RenderInvoiceQuery renderInvoice;
    @Inject
    ListInvoicesQuery listInvoices;
    @Inject
    GetInvoiceQuery getInvoice;
    @Inject
    ListPortalUsersQuery listUsers;
    @Inject
    GetPortalUserQuery getUser;
    @Inject
    AddPortalUserUseCase addUser;
    @Inject
    EditPortalUserUseCase editUser;
    @Inject
    DeletePortalUserUseCase deleteUser;
    @Inject
    ReinvitePortalUserUseCase reinviteUser;
    @Inject
    ChooseLanguageUseCase chooseLanguage;

    private Assets assets;
    private WebSessions sessions;
    private Pages pages;

    /** A page for anyone. */
    @FunctionalInterface
    interface PublicPage {
        void handle(WebExchange exchange);
    }

    /** A page for a signed-in portal user. */
    @FunctionalInterface
    interface PrivatePage {
        void handle(WebExchange exchange, Pages.Visit visit);
    }

    @Override
    public void routing(HttpRules rules) {
        assets = Assets.load(CardLabels.stylesheets());
        sessions = new WebSessions(authenticate, settings);
        pages = new Pages(assets, sessions, settings, currentUser);
        SignInPages signIn = new SignInPages(pages, logIn, logOut);
        LinkPages links = new LinkPages(pages, checkLink, acceptInvitation, logIn, requestReset, resetPassword);
        DashboardPage dashboardPage = new DashboardPage(pages, dashboard, transactions);
        InvoicesPages invoices = new InvoicesPages(pages, listInvoices, getInvoice, renderInvoice);
        ManageUsersPages users = new ManageUsersPages(pages, listUsers, getUser, addUser, editUser, deleteUser,
                reinviteUser);
        HistoryPage history = new HistoryPage(pages, transactions, exportTransactions);
        NotificationsPage notificationsPage = new NotificationsPage(pages, notifications);
        LanguageSwitch language = new LanguageSwitch(chooseLanguage);

        rules.get(Assets.PREFIX + "{name}", (request, response) -> asset(new WebExchange(request, response)));
        rules.get("/sign-in", open(signIn::show));
        rules.post("/sign-in", open(signIn::submit));
        rules.post("/sign-out", signedIn((exchange, visit) -> signIn.signOut(exchange, visit.session())));
        rules.get("/invitation", open(links::showInvitation));
        rules.post("/invitation", open(links::acceptInvitation));
        rules.get("/password-reset", open(links::showReset));
        rules.post("/password-reset", open(links::submitReset));
        rules.post("/language", signedIn(language::choose));

        rules.get("/", signedIn(dashboardPage::show));
        rules.get("/invoices", signedIn(invoices::list));
        rules.get("/invoices/{invoiceId}", signedIn(invoices::show));
        rules.get("/invoices/{invoiceId}/pdf", signedIn(invoices::pdf));
        rules.get("/transactions", signedIn(history::show));
        rules.get("/transactions.csv", signedIn(history::csv));
        rules.get("/notifications", signedIn(notificationsPage::show));

        rules.get("/users", signedIn(users::list));
        rules.post("/users", signedIn(users::add));
        rules.get("/users/new", signedIn(users::newRow));
        rules.get("/users/new/cancel", signedIn(users::cancelNew));
        rules.post("/users/{userId}", signedIn(users::save));
        rules.get("/users/{userId}/edit", signedIn(users::editRow));
        rules.get("/users/{userId}/row", signedIn(users::showRow));
        rules.get("/users/{userId}/delete", signedIn(users::confirmDelete));
        rules.post("/users/{userId}/delete", signedIn(users::delete));
        rules.post("/users/{userId}/invitation", signedIn(users::reinvite));
    }

    private Handler open(PublicPage page) {
        return (request, response) -> {
            WebExchange exchange = new WebExchange(request, response);
            guard(exchange, Optional.empty(), () -> {
                if (exchange.isPost() && !sessions.allowsChange(exchange, Optional.empty())) {
                    forbidden(exchange, pages.anonymous(exchange, "error.title"));
                    return;
                }
                page.handle(exchange);
            });
        };
    }

    private Handler signedIn(PrivatePage page) {
        return (request, response) -> {
            WebExchange exchange = new WebExchange(request, response);
            Optional<WebSessions.Session> session = sessions.current(exchange);
            if (session.isEmpty()) {
                toSignIn(exchange);
                return;
            }
            guard(exchange, session, () -> {
                if (exchange.isPost() && !sessions.allowsChange(exchange, session)) {
                    forbidden(exchange, pages.chrome(pages.visit(session.get()), "", ""));
                    return;
                }
                page.handle(exchange, pages.visit(session.get()));
            });
        };
    }

    /** Not signed in, or the session ended: to the sign-in page, and back here after. */
    private void toSignIn(WebExchange exchange) {
        boolean ended = exchange.cookie(sessions.cookieName()).isPresent();
        String back = exchange.htmx()
                ? exchange.header("HX-Current-URL").flatMap(SafeRedirects::pathOf).orElse("/")
                : exchange.isPost() ? "/" : exchange.pathAndQuery();
        String location = "/sign-in?next=" + java.net.URLEncoder.encode(SafeRedirects.target(back),
                java.nio.charset.StandardCharsets.UTF_8) + (ended ? "&notice=ended" : "");
        if (ended) {
            sessions.end(exchange);
        }
        if (exchange.htmx()) {
            exchange.htmxRedirect(location);
        } else {
            exchange.redirect(location);
        }
    }

    private void guard(WebExchange exchange, Optional<WebSessions.Session> session, Runnable page) {
        try {
            page.run();
        } catch (AuthenticationFailed ended) {
            toSignIn(exchange);
        } catch (NotFound | Forms.Unreadable notFound) {
            failurePage(exchange, session, notFound instanceof NotFound ? 404 : 400,
                    notFound instanceof NotFound ? "error.notFound" : "error.badRequest", Optional.empty());
        } catch (AccessDenied denied) {
            failurePage(exchange, session, 403, "error.forbidden", Optional.empty());
        } catch (TemporarilyUnavailable busy) {
            exchange.header("Retry-After", "1");
            failurePage(exchange, session, 503, "error.unavailable", Optional.empty());
        } catch (RuntimeException unexpected) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "A web page failed unexpectedly, incident " + incident, unexpected);
            failurePage(exchange, session, 500, "error.unexpected", Optional.of(incident));
        }
    }

    private void failurePage(WebExchange exchange, Optional<WebSessions.Session> session, int status, String bodyKey,
                             Optional<String> incident) {
        if (exchange.isSent()) {
            return;
        }
        try {
            Chrome chrome = session.map(live -> pages.chrome(pages.visit(live), "", ""))
                    .orElseGet(() -> pages.anonymous(exchange, "error.title"));
            Texts t = chrome.t();
            pages.message(exchange, new Chrome(t, t.get("error.title"), chrome.viewer(), chrome.csrf(), assets,
                    chrome.support(), ""), status, t.get("error.heading." + status), t.get(bodyKey), incident);
        } catch (RuntimeException failedAgain) {
            LOG.log(Level.SEVERE, "The error page failed too", failedAgain);
            exchange.html(status, "<!DOCTYPE html><html lang=\"en-CA\"><title>Billing Portal</title><main><h1>"
                    + status + "</h1></main></html>");
        }
    }

    private void forbidden(WebExchange exchange, Chrome chrome) {
        Texts t = chrome.t();
        pages.message(exchange, chrome, 403, t.get("error.heading.403"), t.get("error.csrf"), Optional.empty());
    }

    private void asset(WebExchange exchange) {
        exchange.pathParameter("name").flatMap(name -> assets.find(Assets.PREFIX + name)).ifPresentOrElse(
                found -> exchange.bytes(200, found.mediaType(), "public, max-age=31536000, immutable", found.bytes()),
                () -> exchange.bytes(404, "text/plain; charset=utf-8", "no-store",
                        "Not found".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

}
