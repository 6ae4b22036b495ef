package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.OperatorProfileView;
import dev.billingportal.application.port.in.access.OperatorProfileUseCase;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.Language;
import java.util.Locale;

/** {@code /console/profile}: the operator's own details and language (spec §12). */
public final class ProfilePage {
    static final String PATH = "/console/profile";

    private final Console console;
    private final OperatorProfileUseCase profiles;

    public ProfilePage(Console console, OperatorProfileUseCase profiles) {
        this.console = console;
        this.profiles = profiles;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        OperatorProfileUseCase.Profile profile = profiles.profile(visit.actor());
        Operator operator = profile.operator();
        console.page(exchange, 200, "console/profile.jte", new OperatorProfileView(
                console.chrome(visit, "console.profile.title", "profile"), operator.name().value(),
                operator.email().value(), visit.t().get("console.role." + operator.role().name()
                        .toLowerCase(Locale.ROOT)), operator.timeZone().getId(),
                operator.lastSignInAt().map(visit.formats()::dateTime).orElse("—"), profile.recoveryCodesLeft()));
    }

    /** The menu's other language: the console's pages and the operator's mails. */
    public void chooseLanguage(WebExchange exchange, Console.Visit visit) {
        Language language;
        try {
            language = Language.parse(exchange.form().first("language").orElse(""));
        } catch (InvalidValue unknown) {
            throw new Forms.Unreadable("no such language"); // only a forged form sends another: 400
        }
        profiles.chooseLanguage(visit.actor(), language);
        exchange.redirect(SafeRedirects.target(exchange.header("Referer").flatMap(SafeRedirects::pathOf)
                .orElse(ConsoleSite.HOME), ConsoleSite.HOME));
    }
}
