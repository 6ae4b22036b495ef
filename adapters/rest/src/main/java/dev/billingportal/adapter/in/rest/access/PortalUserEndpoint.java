package dev.billingportal.adapter.in.rest.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For portal users signed in through the API; the operator gets 403, and a portal user naming another account in the
 * path gets 404. Every endpoint declares one of this, {@link OperatorEndpoint} or {@link PublicEndpoint} (on the method,
 * or on its class): an architecture rule checks it, and an endpoint declaring none is refused to everyone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PortalUserEndpoint {
}
