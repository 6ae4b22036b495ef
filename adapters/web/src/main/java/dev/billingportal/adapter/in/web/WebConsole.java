package dev.billingportal.adapter.in.web;

import dev.billingportal.adapter.in.web.console.Console;
import dev.billingportal.adapter.in.web.console.ConsoleRoutes;
import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.access.CompleteSignInUseCase;
import dev.billingportal.application.port.in.access.EnrolAuthenticatorUseCase;
import dev.billingportal.application.port.in.access.OperatorLinksUseCase;
import dev.billingportal.application.port.in.access.OperatorProfileUseCase;
import dev.billingportal.application.port.in.access.SignInOperatorUseCase;
import dev.billingportal.application.port.in.access.SignInProgressQuery;
import dev.billingportal.application.port.in.access.SignOutOperatorUseCase;
import dev.billingportal.application.port.in.account.FindAccountsQuery;
import dev.billingportal.domain.access.Actor;
import io.helidon.microprofile.server.RoutingPath;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The provider's console (spec §12), served under {@code /console} by the processes that serve the portal: the same
 * page machinery ({@link SharedFrame}) over the console's own sessions and guard. Its routing table is
 * {@link ConsoleRoutes}; this class only brings it the use cases.
 */
@ApplicationScoped
@RoutingPath("/")
public class WebConsole implements HttpService {
    @Inject
    WebSettings settings;
    @Inject
    SharedFrame frames;
    @Inject
    AuthenticateCallerQuery authenticate;
    @Inject
    SignInOperatorUseCase signIn;
    @Inject
    SignInProgressQuery signInProgress;
    @Inject
    CompleteSignInUseCase completeSignIn;
    @Inject
    EnrolAuthenticatorUseCase enrol;
    @Inject
    OperatorLinksUseCase links;
    @Inject
    SignOutOperatorUseCase signOut;
    @Inject
    OperatorProfileUseCase profiles;
    @Inject
    FindAccountsQuery findAccounts;

    @Override
    public void routing(HttpRules rules) {
        Frame frame = frames.frame();
        WebSessions<Actor.OperatorActor> sessions = new WebSessions<>(authenticate, settings,
                WebSessions.Channel.console(settings.secure()), Actor.OperatorActor.class);
        Console console = new Console(frame, sessions, profiles);
        new ConsoleRoutes(console, new ConsoleRoutes.UseCases(signIn, signInProgress, completeSignIn, enrol, links,
                signOut, profiles, findAccounts)).register(rules);
    }
}
