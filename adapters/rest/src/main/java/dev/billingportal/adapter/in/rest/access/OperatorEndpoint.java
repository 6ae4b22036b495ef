package dev.billingportal.adapter.in.rest.access;

import dev.billingportal.domain.access.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For the provider's side only — a named API key or the installation key — and only for a caller whose role holds
 * {@link #value() the permission} (spec §11); anyone else signed in gets 403 (see {@link PortalUserEndpoint}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorEndpoint {
    /** What the caller's role must allow. */
    Permission value();
}
