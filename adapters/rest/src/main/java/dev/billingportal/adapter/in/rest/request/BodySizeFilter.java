package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.adapter.in.rest.problem.PortalFailureMapper;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.failure.InputTooLarge;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a body announced as larger than 1 MiB — 64 MiB for a bill run's file (spec §14) — before anything reads it.
 * Bodies without a Content-Length are limited while they are read ({@link JsonBodies}, {@code BillRunFiles}).
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = isBillRun(request) ? BillRun.MAX_BYTES : JsonBodies.MAX_BYTES;
        String length = request.getHeaderString("Content-Length");
        if (length != null && announced(length) > limit) {
            request.abortWith(PortalFailureMapper.response(new InputTooLarge(limit)));
        }
    }

    /** What Content-Length announces; past a long's range, as large as can be. */
    private static long announced(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException notANumber) {
            return length.strip().chars().allMatch(Character::isDigit) ? Long.MAX_VALUE : -1;
        }
    }

    private static boolean isBillRun(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return false; // every read passes here: no path to look at
        }
        // The path is relative to the application's (/api/v1), with or without its leading slash.
        String path = request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
        return path.equals("operator/bill-runs");
    }
}
