package dev.billingportal.adapter.in.rest.problem;

import dev.billingportal.adapter.in.rest.request.FieldNames;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.CannotDeleteOwnUser;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InputTooLarge;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidToken;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.PortalFailure;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.StepUpRequired;
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

/**
 * Every domain failure to its problem response, in one place: statuses, headers, and field names as the API
 * names them. The switches are exhaustive over the sealed hierarchy, so a new failure kind cannot be forgotten.
 */
@Provider
@ApplicationScoped
public class PortalFailureMapper implements ExceptionMapper<PortalFailure> {

    @Override
    public Response toResponse(PortalFailure failure) {
        return response(failure);
    }

    /** The whole response, also for filters that answer before any resource runs. */
    public static Response response(PortalFailure failure) {
        Response.ResponseBuilder response = problem(failure).response();
        switch (failure) {
            case AuthenticationFailed unauthenticated -> response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            case TooManyAttempts throttled -> response.header("Retry-After",
                    Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            case TemporarilyUnavailable unavailable -> response.header("Retry-After", "1");
            // The rest of an oversized body is not read: the connection cannot be reused.
            case InputTooLarge tooLarge -> response.header("Connection", "close");
            default -> {
                // no extra header
            }
        }
        return response.build();
    }

    public static Problem problem(PortalFailure failure) {
        String detail = failure.getMessage();
        return switch (failure) {
            case InvalidInput invalid -> fields(failure, "Invalid request", 400, invalid.errors(), true);
            case InvalidValue invalid -> Problem.of(failure.code(), "Invalid request", 400, detail);
            case RuleViolation violation -> fields(failure, "Business rule violated", 422, violation.errors(), true);
            case NotFound notFound -> Problem.of(failure.code(), "Not found", 404, detail);
            case UsernameTaken taken -> new Problem(failure.code(), "Username taken", 409, detail,
                    List.of(new Problem.FieldProblem("username", detail)));
            case CannotDeleteOwnUser self -> Problem.of(failure.code(), "Cannot delete own user", 409, detail);
            case StateConflict conflict -> fields(failure, "Conflict", 409, conflict.errors(), false);
            case VersionMismatch stale -> Problem.of(failure.code(), "Precondition failed", 412, detail);
            case AuthenticationFailed unauthenticated -> Problem.of(failure.code(), "Unauthorized", 401, detail);
            case AccessDenied denied -> Problem.of(failure.code(), "Forbidden", 403, detail);
            case StepUpRequired stepUp -> Problem.of(failure.code(), "Second factor required again", 403, detail);
            case TooManyAttempts throttled -> Problem.of(failure.code(), "Too many attempts", 429, detail);
            case InvalidToken invalidToken -> Problem.of(failure.code(), "Invalid or expired link", 400, detail);
            case TemporarilyUnavailable unavailable ->
                    Problem.of(failure.code(), "Temporarily unavailable", 503, detail);
            case InputTooLarge tooLarge -> Problem.of(failure.code(), "Payload too large", 413, detail);
        };
    }

    /**
     * A problem naming its fields as the API names them. When the failure is about one field alone, the detail
     * names it too ({@code invoice.lines[0].amount: must be 100.00 ...}); otherwise it is the failure's own words.
     */
    private static Problem fields(PortalFailure failure, String title, int status, List<FieldError> errors,
                                  boolean aboutTheFields) {
        List<Problem.FieldProblem> named = errors.stream()
                .map(error -> new Problem.FieldProblem(FieldNames.of(error.field()), error.message()))
                .toList();
        String detail = aboutTheFields && named.size() == 1
                ? named.get(0).field() + ": " + named.get(0).message()
                : failure.getMessage();
        return new Problem(failure.code(), title, status, detail, named);
    }
}
