package dev.billingportal.adapter.in.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application, mounted at {@code /api/v1} only: Helidon's own endpoints ({@code /health},
 * {@code /metrics}, {@code /openapi}) stay outside it, so the API's problem-shaped 404 never hides them.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Billing Portal API", version = "1",
        description = "Customer billing portal of a telecom provider: accounts, portal users, transactions, "
                + "invoices and billing notifications. Errors are RFC 9457 application/problem+json."))
@SecurityScheme(securitySchemeName = "operatorToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The operator token (portal.operator.token, or the generated data/operator-token file)")
@SecurityScheme(securitySchemeName = "sessionToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A portal user's session token from POST /api/v1/auth/login")
public class PortalApi extends Application {
}
