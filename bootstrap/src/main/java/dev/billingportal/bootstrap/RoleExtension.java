package dev.billingportal.bootstrap;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * In the {@code worker} role the HTTP API is not served: the REST adapter's classes are vetoed before CDI
 * and JAX-RS see them. The process still answers {@code /health}, {@code /metrics} and {@code /openapi}.
 */
public class RoleExtension implements Extension {
    private static final String REST_PACKAGE = "dev.billingportal.adapter.in.rest";

    private final Role role = Role.parse(ConfigProvider.getConfig().getOptionalValue("portal.role", String.class)
            .filter(value -> !value.isBlank()).orElse("all"));

    <T> void withoutApiInWorkers(@Observes ProcessAnnotatedType<T> type) {
        if (!role.servesApi() && type.getAnnotatedType().getJavaClass().getPackageName().startsWith(REST_PACKAGE)) {
            type.veto();
        }
    }
}
