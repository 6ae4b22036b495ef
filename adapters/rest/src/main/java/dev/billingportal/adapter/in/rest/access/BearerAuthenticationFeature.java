package dev.billingportal.adapter.in.rest.access;

import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Puts a {@link BearerAuthenticationFilter} in front of every endpoint of the API, made for that endpoint: who may call
 * it and what permission it needs are read from its annotations here, once, when the application starts.
 */
@Provider
@ApplicationScoped
public class BearerAuthenticationFeature implements DynamicFeature {
    @Inject
    AuthenticateCallerQuery authenticate;
    @Inject
    CurrentCaller caller;

    @Override
    public void configure(ResourceInfo endpoint, FeatureContext context) {
        context.register(new BearerAuthenticationFilter(authenticate, caller, endpoint.getResourceMethod(),
                endpoint.getResourceClass()), Priorities.AUTHENTICATION);
    }
}
