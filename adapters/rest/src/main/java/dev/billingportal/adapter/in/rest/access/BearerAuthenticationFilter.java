package dev.billingportal.adapter.in.rest.access;

import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.access.CallerKind;
import dev.billingportal.application.port.in.access.CallerToken;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.NotFound;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Authentication and the coarse authorization every endpoint shares, in one place so that no resource
 * can forget it. Each endpoint declares who may call it: {@link PublicEndpoint} (no token needed),
 * {@link OperatorEndpoint} (the provider's keys whose role holds the endpoint's permission; 403 for portal users and
 * for a role without it) or {@link PortalUserEndpoint} (portal users only, and one naming another account in the path
 * gets 404 — as if it did not exist). Operator paths ({@code /api/v1/operator/...}; paths here are relative to
 * {@code /api/v1}) admit operator endpoints only. A console session is no token here at all (401): the console's
 * cookie opens the console, never the API (spec §11).
 *
 * <p>One filter per endpoint, bound by {@link BearerAuthenticationFeature} with what the endpoint declares, read from
 * its annotations once at startup rather than on every request. A request no endpoint matches meets no filter:
 * JAX-RS answers 404 or 405.
 */
final class BearerAuthenticationFilter implements ContainerRequestFilter {
    static final String OPERATOR_PATH = "operator";
    /**
     * Who may call the API at all: the installation key, named API keys and portal users signed in through the API —
     * never a web or console session.
     */
    static final Set<CallerKind> ACCEPTED = Set.of(CallerKind.INSTALLATION_KEY, CallerKind.API_KEY,
            CallerKind.API_SESSION);

    private final AuthenticateCallerQuery authenticate;
    private final CurrentCaller caller;
    /** The endpoint's declaration: {@link PublicEndpoint}, {@link OperatorEndpoint}, {@link PortalUserEndpoint}, or null. */
    private final Class<? extends Annotation> callers;
    /** What an operator endpoint requires of the caller's role; null for the others. */
    private final Permission needed;

    BearerAuthenticationFilter(AuthenticateCallerQuery authenticate, CurrentCaller caller, Method method,
                               Class<?> type) {
        this.authenticate = authenticate;
        this.caller = caller;
        this.callers = declaredCallers(method, type);
        this.needed = callers == OperatorEndpoint.class ? declaredPermission(method, type) : null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> token = bearerToken(request);
        Optional<Actor> actor = token.flatMap(presented -> authenticate.authenticate(new CallerToken(presented, ACCEPTED)));
        if (callers == PublicEndpoint.class) {
            actor.ifPresent(known -> caller.authenticated(known, token.get()));
            return;
        }
        Actor known = actor.orElseThrow(AuthenticationFailed::new);
        String path = stripLeadingSlash(request.getUriInfo().getPath());
        boolean operatorPath = path.equals(OPERATOR_PATH) || path.startsWith(OPERATOR_PATH + "/");
        if (callers == null || (operatorPath && callers != OperatorEndpoint.class)) {
            // Fails closed: an endpoint that does not say who may call it (the architecture rule forbids one) or a
            // portal users' endpoint under the operators' path serves nobody.
            throw new AccessDenied("This endpoint does not say who may call it.");
        }
        if (callers == OperatorEndpoint.class) {
            if (!(known instanceof Actor.ProviderActor provider)) {
                throw new AccessDenied("This endpoint is for the provider's operators only.");
            }
            if (!provider.may(needed)) {
                throw new AccessDenied("The role " + provider.role().code() + " does not allow this.");
            }
        } else {
            if (!(known instanceof Actor.PortalUserActor user)) {
                throw new AccessDenied("This endpoint is for portal users; operators use /api/v1/operator.");
            }
            String accountId = request.getUriInfo().getPathParameters().getFirst("accountId");
            if (accountId != null && !sameAccount(accountId, user)) {
                throw new NotFound("The account");
            }
        }
        caller.authenticated(known, token.get());
    }

    private static boolean sameAccount(String accountId, Actor.PortalUserActor user) {
        try {
            return UUID.fromString(accountId).equals(user.accountId().value());
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    private static Optional<String> bearerToken(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static final List<Class<? extends Annotation>> CALLERS = List.of(PublicEndpoint.class,
            OperatorEndpoint.class, PortalUserEndpoint.class);

    /** Who the endpoint admits: its method's declaration, else its class's; null if it declares none or several. */
    private static Class<? extends Annotation> declaredCallers(Method method, Class<?> type) {
        List<Class<? extends Annotation>> onMethod = CALLERS.stream().filter(method::isAnnotationPresent).toList();
        List<Class<? extends Annotation>> declared = onMethod.isEmpty()
                ? CALLERS.stream().filter(type::isAnnotationPresent).toList() : onMethod;
        return declared.size() == 1 ? declared.get(0) : null;
    }

    /** The permission an operator endpoint needs: its method's declaration, else its class's. */
    private static Permission declaredPermission(Method method, Class<?> type) {
        OperatorEndpoint declared = method.isAnnotationPresent(OperatorEndpoint.class)
                ? method.getAnnotation(OperatorEndpoint.class) : type.getAnnotation(OperatorEndpoint.class);
        return declared.value();
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
