package dev.billingportal.adapter.in.web.frame;

import dev.billingportal.adapter.in.web.WebSettings;
import dev.billingportal.adapter.in.web.http.Assets;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.Languages;
import dev.billingportal.adapter.in.web.view.MessageView;
import dev.billingportal.adapter.in.web.view.Site;
import dev.billingportal.adapter.in.web.view.Support;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.adapter.in.web.view.Views;
import dev.billingportal.domain.failure.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pages of both sites — the customers' portal and the provider's console — share: the compiled templates,
 * the assets, the support contact, the frame of a page for a visitor not signed in, and the page that only says
 * something.
 */
public final class Frame {
    private final Views views = new Views();
    private final Assets assets;
    private final WebSettings settings;

    public Frame(Assets assets, WebSettings settings) {
        this.assets = assets;
        this.settings = settings;
    }

    public Assets assets() {
        return assets;
    }

    /** The support contact, named in the reader's language unless the provider named it. */
    public Support support(Texts t) {
        return new Support(settings.supportName().orElseGet(() -> t.get("support.defaultName")),
                settings.supportEmail(), settings.supportPhone());
    }

    /** The texts for a visitor who is not signed in: their browser's language, {@code en-CA} by default. */
    public Texts anonymousTexts(WebExchange exchange) {
        return Texts.of(Languages.fromAcceptLanguage(exchange.header("Accept-Language").orElse(null)));
    }

    /** The frame of a page of {@code site} for a visitor who is not signed in, in their browser's language. */
    public Chrome anonymous(Site site, WebExchange exchange, String titleKey, String csrf) {
        Texts t = anonymousTexts(exchange);
        return new Chrome(site, t, t.get(titleKey), Optional.empty(), csrf, assets, support(t), "");
    }

    public void page(WebExchange exchange, int status, String template, Object view) {
        exchange.html(status, views.render(template, view));
    }

    public String fragment(String template, Map<String, Object> parameters) {
        return views.render(template, parameters);
    }

    /** A page that only says something, with a way back: home when signed in, to sign-in otherwise. */
    public void message(WebExchange exchange, Chrome chrome, int status, String heading, String body,
                        Optional<String> incident) {
        boolean signedIn = chrome.signedIn();
        page(exchange, status, "message.jte", new MessageView(chrome, heading, body, incident,
                Optional.of(signedIn ? chrome.site().home() : chrome.site().signIn()),
                chrome.t().get(signedIn ? chrome.site().backHomeKey() : "link.signIn")));
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
