package dev.billingportal.adapter.in.rest.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of the provider's actions that may say why (spec §11): kept in the provider's audit. */
@Schema(name = "ReasonBody", description = "Optional: why, kept in the provider's audit")
public record ReasonBody(@Schema(minLength = 3, maxLength = 500) String reason) {
}
