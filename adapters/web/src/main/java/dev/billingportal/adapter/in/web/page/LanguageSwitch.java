package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.application.port.in.user.ChooseLanguageCommand;
import dev.billingportal.application.port.in.user.ChooseLanguageUseCase;

/** The menu's other language: saved as the user's own (spec §9), then the same page again, in it. */
public final class LanguageSwitch {
    private final ChooseLanguageUseCase chooseLanguage;

    public LanguageSwitch(ChooseLanguageUseCase chooseLanguage) {
        this.chooseLanguage = chooseLanguage;
    }

    public void choose(WebExchange exchange, Pages.Visit visit) {
        chooseLanguage.choose(ChooseLanguageCommand.of(visit.session().actor(), exchange.form().value("language")));
        exchange.redirect(SafeRedirects.target(exchange.header("Referer").flatMap(SafeRedirects::pathOf)
                .orElse("/")));
    }
}
