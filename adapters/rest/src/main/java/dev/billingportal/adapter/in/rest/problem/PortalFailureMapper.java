package dev.billingportal.adapter.in.rest.problem;

import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.CannotDeleteOwnUser;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidToken;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.PortalFailure;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.TemporarilyUnavailable;
import dev.billingportal.domain.failure.TooManyAttempts;
import dev.billingportal.domain.failure.UsernameTaken;
import dev.billingportal.domain.failure.VersionMismatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Every domain failure to its problem response; the switch is exhaustive over the sealed hierarchy. */
@Provider
@ApplicationScoped
public class PortalFailureMapper implements ExceptionMapper<PortalFailure> {

    @Override
    public Response toResponse(PortalFailure failure) {
        Problem problem = problem(failure);
        Response.ResponseBuilder response = problem.response();
        switch (failure) {
            case AuthenticationFailed unauthenticated -> response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            case TooManyAttempts throttled -> response.header("Retry-After",
                    Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            case TemporarilyUnavailable unavailable -> response.header("Retry-After", "1");
            default -> {
                // no extra header
            }
        }
        return response.build();
    }

    public static Problem problem(PortalFailure failure) {
        String detail = failure.getMessage();
        return switch (failure) {
            case InvalidInput invalid -> new Problem(failure.code(), "Invalid request", 400, detail, invalid.errors());
            case InvalidValue invalid -> Problem.of(failure.code(), "Invalid request", 400, detail);
            case RuleViolation violation ->
                    new Problem(failure.code(), "Business rule violated", 422, detail, violation.errors());
            case NotFound notFound -> Problem.of(failure.code(), "Not found", 404, detail);
            case UsernameTaken taken -> new Problem(failure.code(), "Username taken", 409, detail,
                    List.of(new FieldError("username", detail)));
            case CannotDeleteOwnUser self -> Problem.of(failure.code(), "Cannot delete own user", 409, detail);
            case StateConflict conflict -> new Problem(failure.code(), "Conflict", 409, detail, conflict.errors());
            case VersionMismatch stale -> Problem.of(failure.code(), "Precondition failed", 412, detail);
            case AuthenticationFailed unauthenticated -> Problem.of(failure.code(), "Unauthorized", 401, detail);
            case AccessDenied denied -> Problem.of(failure.code(), "Forbidden", 403, detail);
            case TooManyAttempts throttled -> Problem.of(failure.code(), "Too many attempts", 429, detail);
            case InvalidToken invalidToken -> Problem.of(failure.code(), "Invalid or expired link", 400, detail);
            case TemporarilyUnavailable unavailable ->
                    Problem.of(failure.code(), "Temporarily unavailable", 503, detail);
        };
    }
}
