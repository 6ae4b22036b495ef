package dev.billingportal.adapter.in.web;

import dev.billingportal.adapter.in.web.billing.HistoryPage;
import dev.billingportal.adapter.in.web.billing.InvoicesPages;
import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.frame.Guard;
import dev.billingportal.adapter.in.web.http.Assets;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.page.DashboardPage;
import dev.billingportal.adapter.in.web.page.LanguageSwitch;
import dev.billingportal.adapter.in.web.page.LinkPages;
import dev.billingportal.adapter.in.web.page.ManageUsersPages;
import dev.billingportal.adapter.in.web.page.NotificationsPage;
import dev.billingportal.adapter.in.web.page.Pages;
import dev.billingportal.adapter.in.web.page.SignInPages;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.adapter.in.web.view.Site;
import dev.billingportal.adapter.in.web.webhooks.WebhooksPages;
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
import dev.billingportal.application.port.in.billing.HistoryPageQuery;
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
import dev.billingportal.application.port.in.webhook.ManageWebhookEndpointsUseCase;
import dev.billingportal.application.port.in.webhook.WebhookEndpointsQuery;
import dev.billingportal.domain.access.Actor;
import io.helidon.microprofile.server.RoutingPath;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The web portal (spec §9), a second inbound adapter over the same use cases as the REST API, served under {@code /}
 * next to it. This class is its routing table; every route goes through the portal's {@link Guard}, over the
 * portal's own sessions (the console's cookie opens nothing here). The assets of both sites are served here.
 */
@ApplicationScoped
@RoutingPath("/")
public class WebPortal implements HttpService {
    @Inject
    WebSettings settings;
    @Inject
    SharedFrame frames;
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
    HistoryPageQuery historyPages;
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
    @Inject
    ManageWebhookEndpointsUseCase manageWebhooks;
    @Inject
    WebhookEndpointsQuery webhookQuery;

    private Guard<Actor.PortalUserActor> guard;
    private Pages pages;

    /** A page for a signed-in portal user. */
    @FunctionalInterface
    interface PrivatePage {
        void handle(WebExchange exchange, Pages.Visit visit);
    }

    @Override
    public void routing(HttpRules rules) {
        Frame frame = frames.frame();
        WebSessions<Actor.PortalUserActor> sessions = new WebSessions<>(authenticate, settings,
                WebSessions.Channel.portal(settings.secure()), Actor.PortalUserActor.class);
        pages = new Pages(frame, sessions, currentUser);
        guard = new Guard<>(frame, Site.PORTAL, sessions, pages);
        SignInPages signIn = new SignInPages(pages, logIn, logOut);
        LinkPages links = new LinkPages(pages, checkLink, acceptInvitation, logIn, requestReset, resetPassword);
        DashboardPage dashboardPage = new DashboardPage(pages, dashboard, transactions);
        InvoicesPages invoices = new InvoicesPages(frame, listInvoices, getInvoice, renderInvoice);
        ManageUsersPages users = new ManageUsersPages(pages, listUsers, getUser, addUser, editUser, deleteUser,
                reinviteUser);
        HistoryPage history = new HistoryPage(frame, historyPages, exportTransactions);
        NotificationsPage notificationsPage = new NotificationsPage(pages, notifications);
        LanguageSwitch language = new LanguageSwitch(chooseLanguage);
        WebhooksPages webhooks = new WebhooksPages(frame, manageWebhooks, webhookQuery);

        rules.get(Assets.PREFIX + "{name}", (request, response) -> asset(frame, new WebExchange(request, response)));
        rules.get("/sign-in", open(signIn::show));
        rules.post("/sign-in", open(signIn::submit));
        rules.post("/sign-out", signedIn((exchange, visit) -> signIn.signOut(exchange, visit.session())));
        rules.get("/invitation", open(links::showInvitation));
        rules.post("/invitation", open(links::acceptInvitation));
        rules.get("/password-reset", open(links::showReset));
        rules.post("/password-reset", open(links::submitReset));
        rules.post("/language", signedIn(language::choose));

        rules.get("/", signedIn(dashboardPage::show));
        rules.get("/invoices", signedIn((exchange, visit) -> invoices.list(exchange, pages.billing(visit))));
        rules.get("/invoices/{invoiceId}", signedIn((exchange, visit) -> invoices.show(exchange,
                pages.billing(visit))));
        rules.get("/invoices/{invoiceId}/pdf", signedIn((exchange, visit) -> invoices.pdf(exchange,
                pages.billing(visit))));
        rules.get("/transactions", signedIn((exchange, visit) -> history.show(exchange, pages.billing(visit))));
        rules.get("/transactions.csv", signedIn((exchange, visit) -> history.csv(exchange, pages.billing(visit))));
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

        rules.get("/webhooks", webhookPage(webhooks::list));
        rules.post("/webhooks", webhookPage(webhooks::create));
        rules.get("/webhooks/{endpointId}", webhookPage(webhooks::show));
        rules.post("/webhooks/{endpointId}", webhookPage(webhooks::save));
        rules.post("/webhooks/{endpointId}/test", webhookPage(webhooks::test));
        rules.post("/webhooks/{endpointId}/secret-rotation", webhookPage(webhooks::rotate));
        rules.get("/webhooks/{endpointId}/delete", webhookPage(webhooks::confirmDelete));
        rules.post("/webhooks/{endpointId}/delete", webhookPage(webhooks::delete));
        rules.get("/webhooks/{endpointId}/messages/{messageId}", webhookPage(webhooks::message));
        rules.post("/webhooks/{endpointId}/messages/{messageId}/resend", webhookPage(webhooks::resend));
    }

    /** A webhook page over the reader's own account's endpoints. */
    private Handler webhookPage(WebhooksPages.Page page) {
        return signedIn((exchange, visit) -> page.handle(exchange, pages.webhooks(visit)));
    }

    private Handler open(Guard.OpenPage page) {
        return guard.open(page);
    }

    private Handler signedIn(PrivatePage page) {
        return guard.signedIn((exchange, session) -> page.handle(exchange, pages.visit(session)));
    }

    /** The assets of both sites: one set, served under {@link Assets#PREFIX}, named by their content's hash. */
    private static void asset(Frame frame, WebExchange exchange) {
        exchange.pathParameter("name").flatMap(name -> frame.assets().find(Assets.PREFIX + name)).ifPresentOrElse(
                found -> exchange.bytes(200, found.mediaType(), "public, max-age=31536000, immutable", found.bytes()),
                () -> exchange.bytes(404, "text/plain; charset=utf-8", "no-store",
                        "Not found".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

}
