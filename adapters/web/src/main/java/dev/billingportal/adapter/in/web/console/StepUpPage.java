package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.PasskeyCeremony;
import dev.billingportal.adapter.in.web.view.SecondFactorView;
import dev.billingportal.application.port.in.access.OperatorProfileUseCase;
import dev.billingportal.application.port.in.access.PasskeyCeremonyUseCase;
import dev.billingportal.application.port.in.access.StepUpUseCase;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.TooManyAttempts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@code /console/step-up}: the second factor again before a sensitive action (spec §11: inviting or re-roling an
 * operator, resetting a second factor, an API key, a new authenticator or new recovery codes) when the last one is
 * more than five minutes old; then back to the page that asked.
 */
public final class StepUpPage {
    static final String PATH = "/console/step-up";
    static final String PASSKEY = PATH + "/passkey";

    private final Console console;
    private final StepUpUseCase stepUp;
    private final PasskeyCeremonyUseCase ceremonies;
    private final OperatorProfileUseCase profiles;

    public StepUpPage(Console console, StepUpUseCase stepUp, PasskeyCeremonyUseCase ceremonies,
                      OperatorProfileUseCase profiles) {
        this.console = console;
        this.stepUp = stepUp;
        this.ceremonies = ceremonies;
        this.profiles = profiles;
    }

    /** Where a page that met {@code StepUpRequired} sends the operator: here, and back to {@code back} after. */
    static String to(String back) {
        return PATH + "?next=" + URLEncoder.encode(SafeRedirects.target(back, ConsoleSite.HOME),
                StandardCharsets.UTF_8);
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        page(exchange, visit, 200, SafeRedirects.target(exchange.query("next").orElse(ConsoleSite.HOME),
                ConsoleSite.HOME), Optional.empty());
    }

    public void submit(WebExchange exchange, Console.Visit visit) {
        stepUp(exchange, visit, stepUp::stepUpWithCode, "code", "console.stepUp.failed");
    }

    /** The step-up with a passkey: the browser's answer to the challenge the page carried. */
    public void submitPasskey(WebExchange exchange, Console.Visit visit) {
        stepUp(exchange, visit, stepUp::stepUpWithPasskey, "credential", "console.passkey.refused");
    }

    /** The second factor again from the form's {@code field}, a code or a passkey's answer; then back. */
    private void stepUp(WebExchange exchange, Console.Visit visit, BiConsumer<String, String> prove, String field,
                        String refusedKey) {
        String next = SafeRedirects.target(exchange.form().first("next").orElse(ConsoleSite.HOME), ConsoleSite.HOME);
        try {
            prove.accept(visit.session().token(), exchange.form().first(field).orElse(""));
            exchange.redirect(next);
        } catch (AuthenticationFailed wrong) {
            page(exchange, visit, 401, next, Optional.of(refusedKey));
        } catch (TooManyAttempts throttled) {
            exchange.header("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            page(exchange, visit, 429, next, Optional.of("console.signin.throttled"));
        }
    }

    /** The code's form, and the passkey's for an operator who has one (each showing of it is a new challenge). */
    private void page(WebExchange exchange, Console.Visit visit, int status, String next, Optional<String> errorKey) {
        Optional<PasskeyCeremony> passkey = status != 429 && !profiles.profile(visit.actor()).passkeys().isEmpty()
                ? Optional.of(PasskeyCeremony.of(PASSKEY, false, ceremonies.forStepUp(visit.session().token())))
                : Optional.empty();
        console.page(exchange, status, "console/secondfactor.jte", new SecondFactorView(
                console.chrome(visit, "console.stepUp.title", ""), PATH, "console.stepUp.heading",
                "console.stepUp.intro", "console.stepUp.submit", next, passkey, false, errorKey.map(visit.t()::get)));
    }
}
