package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.PasswordLinkForm;
import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.ConsoleSignInView;
import dev.billingportal.adapter.in.web.view.EnrolmentView;
import dev.billingportal.adapter.in.web.view.PasskeyCeremony;
import dev.billingportal.adapter.in.web.view.QrCodeSvg;
import dev.billingportal.adapter.in.web.view.RecoveryCodesView;
import dev.billingportal.adapter.in.web.view.ResetRequestView;
import dev.billingportal.adapter.in.web.view.SecondFactorView;
import dev.billingportal.adapter.in.web.view.SetPasswordView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.access.CompleteSignInUseCase;
import dev.billingportal.application.port.in.access.EnrolAuthenticatorUseCase;
import dev.billingportal.application.port.in.access.EnrolmentDone;
import dev.billingportal.application.port.in.access.LinkToken;
import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.OperatorLinksUseCase;
import dev.billingportal.application.port.in.access.PasskeyCeremonyUseCase;
import dev.billingportal.application.port.in.access.SessionToken;
import dev.billingportal.application.port.in.access.SignInOperatorUseCase;
import dev.billingportal.application.port.in.access.SignInProgress;
import dev.billingportal.application.port.in.access.SignOutOperatorUseCase;
import dev.billingportal.application.port.in.access.TotpEnrolment;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.TooManyAttempts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Getting into the console (spec §11, §12): sign-in in two steps, the invitation that leads through a password to an
 * authenticator and ten recovery codes shown once, the password reset, and signing out. The half-way session lives in
 * the console's cookie like a full one; only a full one opens a page behind the guard.
 */
public final class SignInFlow {
    static final String SECOND_FACTOR = "/console/sign-in/second-factor";
    static final String PASSKEY = "/console/sign-in/passkey";
    static final String ENROLMENT = "/console/enrolment";
    static final String RESET = "/console/password-reset";
    private static final String ENDED = "ended";
    private static final String SIGNED_OUT = "signed-out";
    private static final String PASSWORD_CHANGED = "password-changed";

    private final Console console;
    private final SignInOperatorUseCase signIn;
    private final CompleteSignInUseCase complete;
    private final EnrolAuthenticatorUseCase enrol;
    private final OperatorLinksUseCase links;
    private final SignOutOperatorUseCase signOut;
    private final PasskeyCeremonyUseCase ceremonies;

    public SignInFlow(Console console, SignInOperatorUseCase signIn, CompleteSignInUseCase complete,
                      PasskeyCeremonyUseCase ceremonies, EnrolAuthenticatorUseCase enrol, OperatorLinksUseCase links,
                      SignOutOperatorUseCase signOut) {
        this.console = console;
        this.signIn = signIn;
        this.complete = complete;
        this.ceremonies = ceremonies;
        this.enrol = enrol;
        this.links = links;
        this.signOut = signOut;
    }

    private WebSessions<Actor.OperatorActor> sessions() {
        return console.sessions();
    }

    private static String next(String requested) {
        return SafeRedirects.target(requested, ConsoleSite.HOME);
    }

    public void showSignIn(WebExchange exchange) {
        String next = next(exchange.query("next").orElse(ConsoleSite.HOME));
        if (sessions().current(exchange).isPresent()) {
            exchange.redirect(next);
            return;
        }
        Optional<SignInProgress> underWay = console.halfWay(exchange);
        if (underWay.isPresent()) { // the password is proved already: on to the step that is left
            exchange.redirect(underWay.get().stage() == ConsoleStage.ENROLMENT ? ENROLMENT
                    : SECOND_FACTOR + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        Chrome chrome = console.anonymous(exchange, "console.signin.title");
        Optional<String> notice = exchange.query("notice").flatMap(code -> switch (code) {
            case ENDED -> Optional.of(chrome.t().get("signin.ended"));
            case SIGNED_OUT -> Optional.of(chrome.t().get("signin.signedOut"));
            case PASSWORD_CHANGED -> Optional.of(chrome.t().get("console.signin.passwordChanged"));
            default -> Optional.empty();
        });
        console.page(exchange, 200, "console/signin.jte", new ConsoleSignInView(chrome, "", Optional.empty(), next,
                notice));
    }

    /** The first step: a right e-mail and password open a half-way session, never the console. */
    public void submitSignIn(WebExchange exchange) {
        String email = exchange.form().first("email").orElse("");
        String next = next(exchange.form().first("next").orElse(ConsoleSite.HOME));
        try {
            SignInProgress halfWay = signIn.signIn(LogInCommand.of(email, exchange.form().value("password"),
                    SessionChannel.WEB));
            sessions().token(exchange).ifPresent(signOut::signOut); // one sign-in, one session (no fixation)
            sessions().start(exchange, halfWay.token(), Optional.empty());
            exchange.redirect(halfWay.stage() == ConsoleStage.ENROLMENT ? ENROLMENT
                    : SECOND_FACTOR + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        } catch (AuthenticationFailed | InvalidInput failed) {
            refuseSignIn(exchange, 401, email, next, "console.signin.failed");
        } catch (TooManyAttempts throttled) {
            exchange.header("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            refuseSignIn(exchange, 429, email, next, "console.signin.throttled");
        }
    }

    private void refuseSignIn(WebExchange exchange, int status, String email, String next, String messageKey) {
        Chrome chrome = console.anonymous(exchange, "console.signin.title");
        console.page(exchange, status, "console/signin.jte", new ConsoleSignInView(chrome, email,
                Optional.of(chrome.t().get(messageKey)), next, Optional.empty()));
    }

    /** The half-way session of this browser at {@code stage}, if it has one. */
    private Optional<SignInProgress> halfWay(WebExchange exchange, ConsoleStage stage) {
        return console.halfWay(exchange).filter(step -> step.stage() == stage);
    }

    public void showSecondFactor(WebExchange exchange) {
        String next = next(exchange.query("next").orElse(ConsoleSite.HOME));
        Optional<SignInProgress> step = halfWay(exchange, ConsoleStage.SECOND_FACTOR);
        if (step.isEmpty()) {
            exchange.redirect(ConsoleSite.SIGN_IN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        secondFactorPage(exchange, 200, next, step.get(), Optional.empty());
    }

    /** The second step with a code; a wrong one leaves the half-way session for another try, within the throttle. */
    public void submitSecondFactor(WebExchange exchange) {
        secondStep(exchange, complete::withCode, "code", "console.signin.failed");
    }

    /** The second step with a passkey: the browser's answer to the challenge the page carried. */
    public void submitPasskey(WebExchange exchange) {
        secondStep(exchange, complete::withPasskey, "credential", "console.passkey.refused");
    }

    /** The second step with the form's {@code field}, a code or a passkey's answer; either opens the console. */
    private void secondStep(WebExchange exchange, BiFunction<String, String, SessionToken> prove, String field,
                            String refusedKey) {
        String next = next(exchange.form().first("next").orElse(ConsoleSite.HOME));
        Optional<String> token = sessions().token(exchange);
        try {
            SessionToken session = prove.apply(token.orElse(""), exchange.form().first(field).orElse(""));
            sessions().start(exchange, session);
            exchange.redirect(next);
        } catch (AuthenticationFailed failed) {
            Optional<SignInProgress> step = halfWay(exchange, ConsoleStage.SECOND_FACTOR);
            if (step.isEmpty()) {
                exchange.redirect(ConsoleSite.SIGN_IN + "?notice=" + ENDED);
                return;
            }
            secondFactorPage(exchange, 401, next, step.get(), Optional.of(refusedKey));
        } catch (TooManyAttempts throttled) {
            secondFactorThrottled(exchange, next, throttled);
        }
    }

    private void secondFactorThrottled(WebExchange exchange, String next, TooManyAttempts throttled) {
        exchange.header("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
        Chrome chrome = console.anonymous(exchange, "console.code.title");
        console.page(exchange, 429, "console/secondfactor.jte", new SecondFactorView(chrome, SECOND_FACTOR,
                "console.code.heading", "console.code.intro", "console.code.submit", next, Optional.empty(), true,
                Optional.of(chrome.t().get("console.signin.throttled"))));
    }

    /** The code's form, and the passkey's for an operator who has one (each showing of it is a new challenge). */
    private void secondFactorPage(WebExchange exchange, int status, String next, SignInProgress step,
                                  Optional<String> errorKey) {
        Chrome chrome = console.anonymous(exchange, "console.code.title");
        Optional<PasskeyCeremony> passkey = step.passkeys()
                ? Optional.of(PasskeyCeremony.of(PASSKEY, false, ceremonies.forSignIn(step.token())))
                : Optional.empty();
        console.page(exchange, status, "console/secondfactor.jte", new SecondFactorView(chrome, SECOND_FACTOR,
                "console.code.heading", "console.code.intro", "console.code.submit", next, passkey, true,
                errorKey.map(chrome.t()::get)));
    }

    /** The authenticator to enrol, after an invitation or a reset of the second factor (a half-way session). */
    public void showEnrolment(WebExchange exchange) {
        Optional<String> token = enrollingToken(exchange);
        if (token.isEmpty()) {
            exchange.redirect(ConsoleSite.SIGN_IN);
            return;
        }
        enrolmentPage(exchange, 200, token.get(), Optional.empty());
    }

    public void submitEnrolment(WebExchange exchange) {
        Optional<String> token = enrollingToken(exchange);
        if (token.isEmpty()) {
            exchange.redirect(ConsoleSite.SIGN_IN + "?notice=" + ENDED);
            return;
        }
        EnrolmentDone done;
        try {
            done = enrol.confirm(token.get(), exchange.form().first("code").orElse(""));
        } catch (RuleViolation | InvalidInput wrongCode) {
            enrolmentPage(exchange, 422, token.get(), Optional.of("console.enrol.failed"));
            return;
        }
        done.session().ifPresent(session -> sessions().start(exchange, session));
        // Shown in this answer only: the codes are never stored in clear, and this page is never cached.
        Chrome chrome = console.anonymous(exchange, "console.recovery.title");
        console.page(exchange, 200, "console/recoverycodes.jte", new RecoveryCodesView(chrome,
                done.recoveryCodes(), ConsoleSite.HOME));
    }

    /** The browser's half-way session at the enrolment stage. */
    private Optional<String> enrollingToken(WebExchange exchange) {
        return halfWay(exchange, ConsoleStage.ENROLMENT).map(SignInProgress::token);
    }

    private void enrolmentPage(WebExchange exchange, int status, String token, Optional<String> errorKey) {
        enrolmentPage(console, enrol, exchange, status, console.anonymous(exchange, "console.enrol.title"), ENROLMENT,
                token, errorKey);
    }

    /** The authenticator's page, for a new operator here and for a re-enrolment from the profile. */
    static void enrolmentPage(Console console, EnrolAuthenticatorUseCase enrol, WebExchange exchange, int status,
                              Chrome chrome, String action, String token, Optional<String> errorKey) {
        TotpEnrolment enrolment = enrol.begin(token);
        console.page(exchange, status, "console/enrolment.jte", new EnrolmentView(chrome, action,
                QrCodeSvg.of(enrolment.provisioningUri(), chrome.t().get("console.enrol.qr")),
                enrolment.secretText(), errorKey.map(chrome.t()::get)));
    }

    public void showInvitation(WebExchange exchange) {
        String token = exchange.query("token").orElse("");
        boolean usable = links.isUsable(new LinkToken(token, TokenPurpose.INVITATION));
        choosePassword(exchange, usable ? 200 : 410, TokenPurpose.INVITATION, token, usable, Map.of());
    }

    /** The invitation's password; the operator goes on to enrol their authenticator before anything else. */
    public void acceptInvitation(WebExchange exchange) {
        PasswordLinkForm.submit(exchange, console.frame().anonymousTexts(exchange), command -> {
            SignInProgress halfWay = links.acceptInvitation(command);
            sessions().token(exchange).ifPresent(signOut::signOut);
            sessions().start(exchange, halfWay.token(), Optional.empty());
            exchange.redirect(ENROLMENT);
        }, (again, status, token, usable, errors) -> choosePassword(again, status, TokenPurpose.INVITATION, token,
                usable, errors));
    }

    /** {@code /console/password-reset}: the request form, or, with a link's token, the new password's form. */
    public void showReset(WebExchange exchange) {
        if (exchange.query("token").isPresent()) {
            String token = exchange.query("token").get();
            boolean usable = links.isUsable(new LinkToken(token, TokenPurpose.PASSWORD_RESET));
            choosePassword(exchange, usable ? 200 : 410, TokenPurpose.PASSWORD_RESET, token, usable, Map.of());
            return;
        }
        console.page(exchange, 200, "console/resetrequest.jte", new ResetRequestView(
                console.anonymous(exchange, "reset.title"), false, null));
    }

    public void submitReset(WebExchange exchange) {
        if (exchange.form().first("token").isPresent()) {
            confirmReset(exchange);
            return;
        }
        // The same answer whatever the address: whether it is an operator's is nobody's business here.
        links.requestPasswordReset(exchange.form().first("email").orElse(""));
        console.page(exchange, 200, "console/resetrequest.jte", new ResetRequestView(
                console.anonymous(exchange, "reset.title"), true, null));
    }

    private void confirmReset(WebExchange exchange) {
        PasswordLinkForm.submit(exchange, console.frame().anonymousTexts(exchange), command -> {
            links.resetPassword(command);
            sessions().end(exchange);
            exchange.redirect(ConsoleSite.SIGN_IN + "?notice=" + PASSWORD_CHANGED);
        }, (again, status, token, usable, errors) -> choosePassword(again, status, TokenPurpose.PASSWORD_RESET,
                token, usable, errors));
    }

    private void choosePassword(WebExchange exchange, int status, TokenPurpose purpose, String token, boolean usable,
                                Map<String, String> errors) {
        boolean invitation = purpose == TokenPurpose.INVITATION;
        Chrome chrome = console.anonymous(exchange, invitation ? "invitation.title" : "reset.newTitle");
        Texts t = chrome.t();
        console.page(exchange, status, "setpassword.jte", new SetPasswordView(chrome,
                invitation ? "/console/invitation" : RESET, token, usable,
                t.get(invitation ? "console.invitation.heading" : "reset.newHeading"),
                t.get(invitation ? "console.invitation.intro" : "console.reset.newIntro"),
                t.get(invitation ? "console.invitation.submit" : "reset.newSubmit"), errors, RESET,
                t.get("console.link.help")));
    }

    /** Ends the session on the server, half-way or full, not only in this browser. */
    public void signOut(WebExchange exchange) {
        sessions().token(exchange).ifPresent(signOut::signOut);
        sessions().end(exchange);
        exchange.redirect(ConsoleSite.SIGN_IN + "?notice=" + SIGNED_OUT);
    }
}
