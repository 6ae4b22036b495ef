package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.frame.PasswordLinkForm;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.ResetRequestView;
import dev.billingportal.adapter.in.web.view.SetPasswordView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.access.AcceptInvitationUseCase;
import dev.billingportal.application.port.in.access.CheckLinkQuery;
import dev.billingportal.application.port.in.access.LinkToken;
import dev.billingportal.application.port.in.access.LogInCommand;
import dev.billingportal.application.port.in.access.LogInUseCase;
import dev.billingportal.application.port.in.access.RequestPasswordResetCommand;
import dev.billingportal.application.port.in.access.RequestPasswordResetUseCase;
import dev.billingportal.application.port.in.access.ResetPasswordUseCase;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.user.PortalUser;
import java.util.Map;

/**
 * The pages e-mailed links open (spec §9): {@code /invitation?token=…} to choose a first password, then signed in;
 * {@code /password-reset} to ask for a reset link, and {@code /password-reset?token=…} to set a new password. A link
 * that no longer works says so at once, in one message for every reason, with the way to ask for help.
 */
public final class LinkPages {
    private final Pages pages;
    private final CheckLinkQuery checkLink;
    private final AcceptInvitationUseCase acceptInvitation;
    private final LogInUseCase logIn;
    private final RequestPasswordResetUseCase requestReset;
    private final ResetPasswordUseCase resetPassword;

    public LinkPages(Pages pages, CheckLinkQuery checkLink, AcceptInvitationUseCase acceptInvitation,
                     LogInUseCase logIn, RequestPasswordResetUseCase requestReset, ResetPasswordUseCase resetPassword) {
        this.pages = pages;
        this.checkLink = checkLink;
        this.acceptInvitation = acceptInvitation;
        this.logIn = logIn;
        this.requestReset = requestReset;
        this.resetPassword = resetPassword;
    }

    public void showInvitation(WebExchange exchange) {
        String token = exchange.query("token").orElse("");
        boolean usable = checkLink.isUsable(new LinkToken(token, TokenPurpose.INVITATION));
        choosePassword(exchange, usable ? 200 : 410, TokenPurpose.INVITATION, token, usable, Map.of());
    }

    public void acceptInvitation(WebExchange exchange) {
        PasswordLinkForm.submit(exchange, pages.anonymousTexts(exchange), command -> {
            PortalUser active = acceptInvitation.accept(command);
            pages.sessions().start(exchange, logIn.logIn(LogInCommand.of(active.username().value(),
                    exchange.form().value("password"), SessionChannel.WEB)));
            exchange.redirect("/");
        }, (again, status, token, usable, errors) -> choosePassword(again, status, TokenPurpose.INVITATION, token,
                usable, errors));
    }

    /** {@code /password-reset}: the request form, or, with a link's token, the new password's form. */
    public void showReset(WebExchange exchange) {
        if (exchange.query("token").isPresent()) {
            String token = exchange.query("token").get();
            boolean usable = checkLink.isUsable(new LinkToken(token, TokenPurpose.PASSWORD_RESET));
            choosePassword(exchange, usable ? 200 : 410, TokenPurpose.PASSWORD_RESET, token, usable, Map.of());
            return;
        }
        pages.page(exchange, 200, "resetrequest.jte", new ResetRequestView(pages.anonymous(exchange, "reset.title"),
                false, null));
    }

    public void submitReset(WebExchange exchange) {
        if (exchange.form().first("token").isPresent()) {
            confirmReset(exchange);
            return;
        }
        try {
            requestReset.request(RequestPasswordResetCommand.of(exchange.form().value("username")));
            pages.page(exchange, 200, "resetrequest.jte", new ResetRequestView(
                    pages.anonymous(exchange, "reset.title"), true, null));
        } catch (InvalidInput missing) {
            Chrome chrome = pages.anonymous(exchange, "reset.title");
            pages.page(exchange, 422, "resetrequest.jte", new ResetRequestView(chrome, false,
                    chrome.t().get("field.username")));
        }
    }

    private void confirmReset(WebExchange exchange) {
        PasswordLinkForm.submit(exchange, pages.anonymousTexts(exchange), command -> {
            resetPassword.reset(command);
            pages.sessions().end(exchange);
            exchange.redirect("/sign-in?notice=" + SignInPages.PASSWORD_CHANGED);
        }, (again, status, token, usable, errors) -> choosePassword(again, status, TokenPurpose.PASSWORD_RESET,
                token, usable, errors));
    }

    private void choosePassword(WebExchange exchange, int status, TokenPurpose purpose, String token, boolean usable,
                                Map<String, String> errors) {
        boolean invitation = purpose == TokenPurpose.INVITATION;
        Chrome chrome = pages.anonymous(exchange, invitation ? "invitation.title" : "reset.newTitle");
        Texts t = chrome.t();
        pages.page(exchange, status, "setpassword.jte", new SetPasswordView(chrome,
                invitation ? "/invitation" : "/password-reset", token, usable,
                t.get(invitation ? "invitation.heading" : "reset.newHeading"),
                t.get(invitation ? "invitation.intro" : "reset.newIntro"),
                t.get(invitation ? "invitation.submit" : "reset.newSubmit"), errors, "/password-reset",
                t.get("link.help", chrome.support().name())));
    }
}
