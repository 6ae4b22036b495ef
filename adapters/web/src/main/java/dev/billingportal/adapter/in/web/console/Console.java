package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.billing.AccountBilling;
import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.frame.Guard;
import dev.billingportal.adapter.in.web.frame.PathIds;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.adapter.in.web.view.BillingPaths;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.adapter.in.web.webhooks.WebhookScope;
import dev.billingportal.application.port.in.access.OperatorProfileUseCase;
import dev.billingportal.application.port.in.access.SignInProgress;
import dev.billingportal.application.port.in.access.SignInProgressQuery;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.operator.Operator;
import java.util.Optional;

/**
 * What the console's pages share: the {@link Frame} of both sites, the console's own sessions, and who the signed-in
 * operator is — their role, language and time zone.
 */
public final class Console implements Guard.Frames<Actor.OperatorActor> {
    private final Frame frame;
    private final WebSessions<Actor.OperatorActor> sessions;
    private final OperatorProfileUseCase profiles;
    private final SignInProgressQuery progress;

    public Console(Frame frame, WebSessions<Actor.OperatorActor> sessions, OperatorProfileUseCase profiles,
                   SignInProgressQuery progress) {
        this.frame = frame;
        this.sessions = sessions;
        this.profiles = profiles;
        this.progress = progress;
    }

    /** The browser's sign-in under way, if its cookie holds a live half-way session. */
    Optional<SignInProgress> halfWay(WebExchange exchange) {
        return sessions.token(exchange).flatMap(progress::halfWay);
    }

    @Override
    public boolean signingIn(WebExchange exchange) {
        return halfWay(exchange).isPresent();
    }

    /** A signed-in operator's request: who they are, in their language and zone. */
    public record Visit(WebSessions.Session<Actor.OperatorActor> session, Operator operator, Texts t,
                        Formats formats) {
        public Actor.OperatorActor actor() {
            return session.actor();
        }
    }

    public Visit visit(WebSessions.Session<Actor.OperatorActor> session) {
        Operator operator = profiles.operator(session.actor());
        return new Visit(session, operator, Texts.of(operator.language()),
                new Formats(operator.language(), operator.timeZone()));
    }

    WebSessions<Actor.OperatorActor> sessions() {
        return sessions;
    }

    Frame frame() {
        return frame;
    }

    /** The frame of a signed-in page; {@code current} marks its navigation entry. */
    Chrome chrome(Visit visit, String titleKey, String current) {
        return frame(visit, visit.t().get(titleKey), current);
    }

    /**
     * The billing pages both sites share, for the account in the path: under {@code /console/accounts/{id}/}, with a
     * way back to its page, and in the search's part of the header (an account is reached by finding it).
     */
    AccountBilling billing(Visit visit, Account account) {
        String home = AccountPage.PATH + account.id().value();
        return new AccountBilling(visit.actor(), account.id(), account.number().value(), account.name().value(),
                visit.t(), visit.formats(), new BillingPaths(home + "/transactions", home + "/invoices",
                        Optional.of(new BillingPaths.AccountLink(home, account.name().value()))),
                (title, current) -> frame(visit, title, "search"));
    }

    /** The provider's own webhook endpoints (spec §13): its administrators manage them. */
    public static final String WEBHOOKS = "/console/webhooks";

    WebhookScope providerWebhooks(Visit visit) {
        return new WebhookScope(visit.actor(), Optional.empty(), visit.t(), visit.formats(), WEBHOOKS, true, true,
                (title, current) -> frame(visit, title, current), "webhooks");
    }

    /**
     * An account's endpoints as the billing team sees them (spec §12's account page): its own users manage them; the
     * team reads them, and those who assist customers send a test event or resend a message.
     */
    WebhookScope accountWebhooks(Visit visit, Account account) {
        return new WebhookScope(visit.actor(), Optional.of(account.id()), visit.t(), visit.formats(),
                AccountPage.PATH + account.id().value() + "/webhooks", false,
                visit.actor().may(Permission.ASSIST_CUSTOMERS), (title, current) -> frame(visit, title, current),
                "search");
    }

    /** The account a console path names ({@code {accountId}}); one that is not an id is a 404 like a missing one. */
    static AccountId accountIn(WebExchange exchange) {
        return new AccountId(PathIds.of(exchange, "accountId", "The account"));
    }

    @Override
    public Chrome signedIn(WebSessions.Session<Actor.OperatorActor> session) {
        return frame(visit(session), "", "");
    }

    private Chrome frame(Visit visit, String title, String current) {
        return new Chrome(ConsoleSite.of(visit.actor().role()), visit.t(), title, Optional.of(new Chrome.Viewer(
                visit.operator().name().value(), visit.operator().language())), visit.session().csrf(),
                frame.assets(), frame.support(visit.t()), current);
    }

    @Override
    public Chrome anonymous(WebExchange exchange, String titleKey) {
        return frame.anonymous(ConsoleSite.SITE, exchange, titleKey, sessions.anonymousCsrf(exchange));
    }

    void page(WebExchange exchange, int status, String template, Object view) {
        frame.page(exchange, status, template, view);
    }
}
