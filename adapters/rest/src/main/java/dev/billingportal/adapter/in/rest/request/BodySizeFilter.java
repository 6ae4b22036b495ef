package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.adapter.in.rest.problem.PortalFailureMapper;
import dev.billingportal.domain.failure.InputTooLarge;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a body announced as larger than 1 MiB before anything reads it. Bodies without a
 * Content-Length are limited while they are read ({@link JsonBodies}).
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        int length = request.getLength();
        if (length > JsonBodies.MAX_BYTES) {
            request.abortWith(PortalFailureMapper.response(new InputTooLarge(JsonBodies.MAX_BYTES)));
        }
    }
}
