package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.NewPasskeyView;
import dev.billingportal.adapter.in.web.view.OperatorProfileView;
import dev.billingportal.adapter.in.web.view.PasskeyCeremony;
import dev.billingportal.adapter.in.web.view.RecoveryCodesView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.access.EnrolAuthenticatorUseCase;
import dev.billingportal.application.port.in.access.EnrolmentDone;
import dev.billingportal.application.port.in.access.OperatorProfileUseCase;
import dev.billingportal.application.port.in.access.PasskeyCeremonyUseCase;
import dev.billingportal.application.port.in.access.PasskeysUseCase;
import dev.billingportal.application.port.in.access.RecoveryCodesUseCase;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.TooManyAttempts;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/profile}: the operator's own details, password, authenticator and recovery codes, and language
 * (spec §12). A new authenticator, a new passkey and new recovery codes need a fresh second factor (the step-up comes first).
 */
public final class ProfilePage {
    static final String PATH = "/console/profile";
    static final String AUTHENTICATOR = PATH + "/authenticator";
    static final String PASSKEYS = PATH + "/passkeys";
    static final String NEW_PASSKEY = PASSKEYS + "/new";
    private static final String PASSWORD_CHANGED = "password-changed";
    private static final String PASSKEY_ADDED = "passkey-added";
    private static final String PASSKEY_REMOVED = "passkey-removed";

    private final Console console;
    private final OperatorProfileUseCase profiles;
    private final EnrolAuthenticatorUseCase enrol;
    private final RecoveryCodesUseCase recoveryCodes;
    private final PasskeyCeremonyUseCase ceremonies;
    private final PasskeysUseCase passkeys;

    public ProfilePage(Console console, OperatorProfileUseCase profiles, EnrolAuthenticatorUseCase enrol,
                       RecoveryCodesUseCase recoveryCodes, PasskeyCeremonyUseCase ceremonies,
                       PasskeysUseCase passkeys) {
        this.console = console;
        this.profiles = profiles;
        this.enrol = enrol;
        this.recoveryCodes = recoveryCodes;
        this.ceremonies = ceremonies;
        this.passkeys = passkeys;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        Optional<String> notice = exchange.query("notice").flatMap(code -> switch (code) {
            case PASSWORD_CHANGED -> Optional.of("console.profile.passwordChanged");
            case PASSKEY_ADDED -> Optional.of("console.passkey.added");
            case PASSKEY_REMOVED -> Optional.of("console.passkey.removed");
            default -> Optional.empty();
        }).map(visit.t()::get);
        render(exchange, visit, 200, Map.of(), notice);
    }

    private void render(WebExchange exchange, Console.Visit visit, int status, Map<String, String> errors,
                        Optional<String> notice) {
        OperatorProfileUseCase.Profile profile = profiles.profile(visit.actor());
        Operator operator = profile.operator();
        console.page(exchange, status, "console/profile.jte", new OperatorProfileView(
                console.chrome(visit, "console.profile.title", "profile"), operator.name().value(),
                operator.email().value(), visit.t().get("console.role." + operator.role().name()
                        .toLowerCase(Locale.ROOT)), operator.timeZone().getId(),
                operator.lastSignInAt().map(visit.formats()::dateTime).orElse("—"), profile.passkeys().stream()
                        .map(passkey -> new OperatorProfileView.Passkey(passkey.credentialId(), passkey.name(),
                                visit.formats().date(LocalDate.ofInstant(passkey.createdAt(), visit.formats().zone())), Optional.ofNullable(
                                        passkey.lastUsedAt()).map(visit.formats()::dateTime).orElse(visit.t().get("console.passkey.unused"))))
                        .toList(), profile.recoveryCodesLeft(), errors, notice));
    }

    /** The current password first; the operator's other sessions end. */
    public void changePassword(WebExchange exchange, Console.Visit visit) {
        Texts t = visit.t();
        String password = exchange.form().first("password").orElse("");
        if (!password.equals(exchange.form().first("confirmation").orElse(""))) {
            render(exchange, visit, 422, Map.of("confirmation", t.get("password.mismatch")), Optional.empty());
            return;
        }
        try {
            profiles.changePassword(visit.session().token(), exchange.form().first("currentPassword").orElse(""),
                    password);
            exchange.redirect(PATH + "?notice=" + PASSWORD_CHANGED);
        } catch (RuleViolation wrongCurrent) {
            render(exchange, visit, 422, Map.of("currentPassword", t.get("console.profile.wrongPassword")),
                    Optional.empty());
        } catch (InvalidInput invalid) {
            render(exchange, visit, 422, Frame.fieldMessages(t, invalid.errors()), Optional.empty());
        } catch (TooManyAttempts throttled) {
            exchange.header("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            render(exchange, visit, 429, Map.of("currentPassword", t.get("console.signin.throttled")),
                    Optional.empty());
        }
    }

    /** A new authenticator replaces the old one once a code confirms it. */
    public void showAuthenticator(WebExchange exchange, Console.Visit visit) {
        SignInFlow.enrolmentPage(console, enrol, exchange, 200, console.chrome(visit, "console.enrol.title",
                "profile"), AUTHENTICATOR, visit.session().token(), Optional.empty());
    }

    public void confirmAuthenticator(WebExchange exchange, Console.Visit visit) {
        EnrolmentDone done;
        try {
            done = enrol.confirm(visit.session().token(), exchange.form().first("code").orElse(""));
        } catch (RuleViolation | InvalidInput wrongCode) {
            SignInFlow.enrolmentPage(console, enrol, exchange, 422, console.chrome(visit, "console.enrol.title",
                    "profile"), AUTHENTICATOR, visit.session().token(), Optional.of("console.enrol.failed"));
            return;
        }
        showCodes(exchange, visit, done.recoveryCodes());
    }

    /** A name for the new passkey, then the browser's ceremony (a fresh second factor first, as for an authenticator). */
    public void showNewPasskey(WebExchange exchange, Console.Visit visit) {
        newPasskeyPage(exchange, visit, 200, "", Optional.empty());
    }

    public void registerPasskey(WebExchange exchange, Console.Visit visit) {
        String name = exchange.form().first("name").orElse("");
        try {
            passkeys.register(visit.session().token(), exchange.form().first("credential").orElse(""), name);
            exchange.redirect(PATH + "?notice=" + PASSKEY_ADDED);
        } catch (InvalidInput invalid) {
            newPasskeyPage(exchange, visit, 422, name, Optional.of("console.passkey.nameMissing"));
        } catch (AuthenticationFailed | StateConflict refused) { // no answer, one that does not verify, or a known one
            newPasskeyPage(exchange, visit, 422, name, Optional.of("console.passkey.notAdded"));
        }
    }

    private void newPasskeyPage(WebExchange exchange, Console.Visit visit, int status, String name,
                                Optional<String> errorKey) {
        PasskeyCeremony ceremony = PasskeyCeremony.of(PASSKEYS, true,
                ceremonies.forRegistration(visit.session().token()));
        console.page(exchange, status, "console/passkeynew.jte", new NewPasskeyView(
                console.chrome(visit, "console.passkey.newTitle", "profile"), ceremony, name,
                errorKey.map(visit.t()::get)));
    }

    /** One of the operator's own passkeys removed; one of another's, or none, is 404 (the use case's NotFound). */
    public void removePasskey(WebExchange exchange, Console.Visit visit) {
        passkeys.remove(visit.session().token(), exchange.form().first("credentialId").orElse(""));
        exchange.redirect(PATH + "?notice=" + PASSKEY_REMOVED);
    }

    /** Ten new recovery codes replace the old ones, shown in this answer only. */
    public void newRecoveryCodes(WebExchange exchange, Console.Visit visit) {
        showCodes(exchange, visit, recoveryCodes.regenerate(visit.session().token()));
    }

    private void showCodes(WebExchange exchange, Console.Visit visit, List<String> codes) {
        console.page(exchange, 200, "console/recoverycodes.jte", new RecoveryCodesView(
                console.chrome(visit, "console.recovery.title", "profile"), codes, PATH));
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
