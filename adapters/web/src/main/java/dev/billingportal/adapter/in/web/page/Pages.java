package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.billing.AccountBilling;
import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.frame.Guard;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.adapter.in.web.view.BillingPaths;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Site;
import dev.billingportal.adapter.in.web.view.Support;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.adapter.in.web.webhooks.WebhookScope;
import dev.billingportal.application.port.in.user.GetCurrentUserQuery;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.user.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the customers' pages share: the {@link Frame} of both sites, the portal's sessions, and who the signed-in
 * portal user is — their account, language and time zone.
 */
public final class Pages implements Guard.Frames<Actor.PortalUserActor> {
    private final Frame frame;
    private final WebSessions<Actor.PortalUserActor> sessions;
    private final GetCurrentUserQuery currentUser;

    public Pages(Frame frame, WebSessions<Actor.PortalUserActor> sessions, GetCurrentUserQuery currentUser) {
        this.frame = frame;
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    /** A signed-in user's request: who they are, their account, and their language and time zone. */
    public record Visit(WebSessions.Session<Actor.PortalUserActor> session, GetCurrentUserQuery.Me me, Texts t,
                        Formats formats) {
        public Language language() {
            return t.language();
        }
    }

    public Visit visit(WebSessions.Session<Actor.PortalUserActor> session) {
        GetCurrentUserQuery.Me me = currentUser.me(session.actor());
        Texts t = Texts.of(me.user().language());
        return new Visit(session, me, t, new Formats(me.user().language(), me.user().timeZone()));
    }

    public WebSessions<Actor.PortalUserActor> sessions() {
        return sessions;
    }

    public Support support(Texts t) {
        return frame.support(t);
    }

    /** The reader's own account's billing, for the pages both sites share. */
    public AccountBilling billing(Visit visit) {
        return new AccountBilling(visit.session().actor(), visit.me().account().id(),
                visit.me().account().number().value(), visit.me().account().name().value(), visit.t(),
                visit.formats(), BillingPaths.PORTAL, (title, current) -> chrome(visit, title, current));
    }

    /** The reader's own account's webhook endpoints, which every portal user of it manages (spec §13). */
    public WebhookScope webhooks(Visit visit) {
        return new WebhookScope(visit.session().actor(), Optional.of(visit.me().account().id()), visit.t(),
                visit.formats(), "/webhooks", true, true, (title, current) -> chrome(visit, title, current),
                "webhooks");
    }

    /** The frame of a signed-in page; {@code current} marks its navigation entry. */
    public Chrome chrome(Visit visit, String title, String current) {
        return new Chrome(Site.PORTAL, visit.t(), title, Optional.of(new Chrome.Viewer(visit.me().user().firstName()
                + " " + visit.me().user().lastName(), visit.language())), visit.session().csrf(), frame.assets(),
                frame.support(visit.t()), current);
    }

    @Override
    public Chrome signedIn(WebSessions.Session<Actor.PortalUserActor> session) {
        return chrome(visit(session), "", "");
    }

    /** The frame of a page for a visitor who is not signed in, in their browser's language. */
    @Override
    public Chrome anonymous(WebExchange exchange, String titleKey) {
        return frame.anonymous(Site.PORTAL, exchange, titleKey, sessions.anonymousCsrf(exchange));
    }

    public Texts anonymousTexts(WebExchange exchange) {
        return frame.anonymousTexts(exchange);
    }

    public void page(WebExchange exchange, int status, String template, Object view) {
        frame.page(exchange, status, template, view);
    }

    public String fragment(String template, Map<String, Object> parameters) {
        return frame.fragment(template, parameters);
    }

    public static Map<String, String> fieldMessages(Texts t, List<FieldError> errors) {
        return Frame.fieldMessages(t, errors);
    }
}
