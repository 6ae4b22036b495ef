package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.WebSettings;
import dev.billingportal.adapter.in.web.http.Assets;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Languages;
import dev.billingportal.adapter.in.web.view.MessageView;
import dev.billingportal.adapter.in.web.view.Support;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.adapter.in.web.view.Views;
import dev.billingportal.application.port.in.user.GetCurrentUserQuery;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.user.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every page shares: the templates, the assets, the session cookie, the support contact and the page frame. */
public final class Pages {
    private final Views views = new Views();
    private final Assets assets;
    private final WebSessions sessions;
    private final WebSettings settings;
    private final GetCurrentUserQuery currentUser;

    public Pages(Assets assets, WebSessions sessions, WebSettings settings, GetCurrentUserQuery currentUser) {
        this.assets = assets;
        this.sessions = sessions;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    /** A signed-in user's request: who they are, their account, and their language and time zone. */
    public record Visit(WebSessions.Session session, GetCurrentUserQuery.Me me, Texts t, Formats formats) {
        public Language language() {
            return t.language();
        }
    }

    public Visit visit(WebSessions.Session session) {
        GetCurrentUserQuery.Me me = currentUser.me(session.actor());
        Texts t = Texts.of(me.user().language());
        return new Visit(session, me, t, new Formats(me.user().language(), me.user().timeZone()));
    }

    public WebSessions sessions() {
        return sessions;
    }

    /** The support contact, named in the reader's language unless the provider named it. */
    public Support support(Texts t) {
        return new Support(settings.supportName().orElseGet(() -> t.get("support.defaultName")),
                settings.supportEmail(), settings.supportPhone());
    }

    /** The frame of a signed-in page; {@code current} marks its navigation entry. */
    public Chrome chrome(Visit visit, String title, String current) {
        return new Chrome(visit.t(), title, Optional.of(new Chrome.Viewer(visit.me().user().firstName() + " "
                + visit.me().user().lastName(), visit.language())), visit.session().csrf(), assets, support(visit.t()),
                current);
    }

    /** The frame of a page for a visitor who is not signed in, in their browser's language. */
    public Chrome anonymous(WebExchange exchange, String titleKey) {
        Texts t = anonymousTexts(exchange);
        return new Chrome(t, t.get(titleKey), Optional.empty(), sessions.anonymousCsrf(exchange), assets, support(t),
                "");
    }

    public Texts anonymousTexts(WebExchange exchange) {
        return Texts.of(Languages.fromAcceptLanguage(exchange.header("Accept-Language").orElse(null)));
    }

    public void page(WebExchange exchange, int status, String template, Object view) {
        exchange.html(status, views.render(template, view));
    }

    public String fragment(String template, Map<String, Object> parameters) {
        return views.render(template, parameters);
    }

    /** A page that only says something, with a way back. */
    public void message(WebExchange exchange, Chrome chrome, int status, String heading, String body,
                        Optional<String> incident) {
        boolean signedIn = chrome.signedIn();
        page(exchange, status, "message.jte", new MessageView(chrome, heading, body, incident,
                Optional.of(signedIn ? "/" : "/sign-in"),
                chrome.t().get(signedIn ? "error.backToDashboard" : "link.signIn")));
    }

    /**
     * Field errors as the page shows them: each field's own message in the reader's language — the domain's words
     * are for the API — keyed by the form field's name (the command's top-level field).
     */
    public static Map<String, String> fieldMessages(Texts t, List<FieldError> errors) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String field = error.field().steps().isEmpty() ? "form" : error.field().lastName();
            String key = "field." + field;
            messages.putIfAbsent(field, t.has(key) ? t.get(key) : t.get("field.invalid"));
        }
        return messages;
    }
}
