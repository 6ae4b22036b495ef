package dev.billingportal.adapter.in.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The JAX-RS application, mounted at {@code /api/v1} only: Helidon's own endpoints ({@code /health},
 * {@code /metrics}, {@code /openapi}) stay outside it, so the API's problem-shaped 404 never hides them.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Billing Portal API", version = "1",
                description = "Customer billing portal of a telecom provider: accounts, portal users, transactions, "
                        + "invoices, billing notifications and webhooks. Errors are RFC 9457 "
                        + "application/problem+json.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
                contact = @Contact(name = "The provider's billing team")),
        servers = @Server(url = "{portalBaseUrl}", description = "The installation's portal.base-url",
                variables = @ServerVariable(name = "portalBaseUrl", defaultValue = "http://localhost:8080",
                        description = "portal.base-url; a portal with its embedded defaults serves here")),
        tags = {
                @Tag(name = "Signing in", description = "Sessions for portal users: sign in and out, invitations, "
                        + "password resets"),
                @Tag(name = "Manage users", description = "The portal users of the caller's account"),
                @Tag(name = "Billing", description = "The caller's account: dashboard, transaction history, invoices"),
                @Tag(name = "Billing notifications", description = "The e-mails sent about the caller's account, "
                        + "and their delivery"),
                @Tag(name = "Operator: accounts", description = "For the provider's billing team: customer accounts"),
                @Tag(name = "Operator: transactions", description = "For the provider's billing team: posting "
                        + "invoices, payments, refunds and credits"),
                @Tag(name = "Operator: users", description = "For the provider's billing team: every user of an "
                        + "account, and restoring deleted ones"),
                @Tag(name = "Operator: bill runs", description = "For the provider's billing team: a month's "
                        + "postings as one file, checked whole, then posted exactly once"),
                @Tag(name = "Operator: notifications", description = "For the provider's billing team: deliveries "
                        + "of every account, and re-driving failed ones"),
                @Tag(name = "Operator: audit", description = "For the provider's billing team: who did what, on "
                        + "the provider's side and in each account"),
                @Tag(name = "Operator: operators", description = "For administrators: the people of the billing "
                        + "team, their roles and second factors"),
                @Tag(name = "Operator: API keys", description = "For administrators: the integrations' named keys"),
                @Tag(name = "Webhooks", description = "The caller's account's webhook endpoints: billing events "
                        + "posted to your systems, signed (Standard Webhooks), retried, with a delivery log"),
                @Tag(name = "Operator: webhooks", description = "For administrators: the provider's webhook endpoints, "
                        + "which receive every account's events")})
@SecurityScheme(securitySchemeName = "operatorToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A named API key (bpk_…, created by an administrator) or the installation key "
                + "(portal.operator.token, or the generated data/operator-token file). An endpoint answers 403 to a "
                + "key whose role does not allow it (spec §11).")
@SecurityScheme(securitySchemeName = "sessionToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A portal user's session token from POST /api/v1/auth/login")
public class PortalApi extends Application {
}
