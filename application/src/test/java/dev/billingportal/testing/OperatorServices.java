package dev.billingportal.testing;

import dev.billingportal.application.port.in.access.CallerKind;
import dev.billingportal.application.port.in.access.CallerToken;
import dev.billingportal.application.service.access.AuthenticateCallerService;
import dev.billingportal.application.service.access.EnrolSecondFactorService;
import dev.billingportal.application.service.access.OperatorLinksService;
import dev.billingportal.application.service.access.OperatorProfileService;
import dev.billingportal.application.service.access.OperatorSignInService;
import dev.billingportal.application.service.apikey.ApiKeyService;
import dev.billingportal.application.service.operator.OperatorAdministrationService;
import dev.billingportal.application.service.operator.SecurityNotices;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.SessionTimeouts;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The provider's side of the core over one {@link InMemoryPortal}'s fakes, wired as the composition root wires it. */
public final class OperatorServices {
    public static final String ISSUER = "Billing Console";

    public final OperatorSignInService signIn;
    public final EnrolSecondFactorService enrol;
    public final OperatorLinksService links;
    public final OperatorProfileService profile;
    public final OperatorAdministrationService administration;
    public final ApiKeyService apiKeys;
    public final AuthenticateCallerService callers;

    public OperatorServices(InMemoryPortal portal) {
        InMemoryStores stores = portal.stores;
        signIn = new OperatorSignInService(stores.unitOfWork(), stores.operators(), stores.consoleSessions(),
                InMemoryPortal.CONSOLE, stores.throttles(), stores.recoveryCodes(), stores.passkeys(),
                portal.passkeyVerifier, InMemoryPortal.HASHER, stores.auditLog(), portal.clock);
        enrol = new EnrolSecondFactorService(stores.unitOfWork(), stores.operators(), stores.consoleSessions(),
                InMemoryPortal.CONSOLE, stores.recoveryCodes(), stores.passkeys(), portal.passkeyVerifier,
                stores.auditLog(), ISSUER, portal.clock);
        links = new OperatorLinksService(stores.unitOfWork(), stores.operatorTokens(), stores.operators(),
                stores.consoleSessions(), stores.deliveries(), portal.recorder, InMemoryPortal.HASHER,
                stores.auditLog(), portal.clock);
        profile = new OperatorProfileService(stores.unitOfWork(), stores.operators(), stores.consoleSessions(),
                InMemoryPortal.CONSOLE, stores.passkeys(), stores.recoveryCodes(), stores.throttles(),
                InMemoryPortal.HASHER, stores.auditLog(), portal.clock);
        administration = new OperatorAdministrationService(stores.unitOfWork(), stores.operators(),
                stores.operatorTokens(), stores.consoleSessions(), stores.recoveryCodes(), stores.passkeys(),
                portal.recorder, stores.auditLog(), portal.clock);
        apiKeys = new ApiKeyService(stores.unitOfWork(), stores.apiKeys(),
                new SecurityNotices(stores.operators(), portal.recorder, stores.auditLog()), portal.clock);
        callers = new AuthenticateCallerService(Optional.of("installation-key-0123456789"), stores.unitOfWork(),
                stores.sessions(), stores.sessions(), stores.consoleSessions(), stores.apiKeys(),
                Map.of(SessionChannel.WEB, SessionTimeouts.withIdle(SessionTimeouts.DEFAULT_IDLE),
                        SessionChannel.API, SessionTimeouts.withIdle(SessionTimeouts.ABSOLUTE)),
                InMemoryPortal.CONSOLE, portal.clock);
    }

    /** Who a console session's token is now, if anybody. */
    public Optional<Actor> consoleCaller(String token) {
        return callers.authenticate(new CallerToken(token, Set.of(CallerKind.CONSOLE_SESSION)));
    }

    /** Who a bearer token is on the operator API, if anybody. */
    public Optional<Actor> apiCaller(String token) {
        return callers.authenticate(new CallerToken(token, Set.of(CallerKind.INSTALLATION_KEY, CallerKind.API_KEY,
                CallerKind.API_SESSION)));
    }
}
