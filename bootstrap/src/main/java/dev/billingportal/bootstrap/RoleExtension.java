package dev.billingportal.bootstrap;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * In the {@code worker} role neither the HTTP API nor the web pages are served: the REST and web adapters' classes
 * are vetoed before CDI, JAX-RS and the web server see them. The process still answers {@code /health},
 * {@code /metrics} and {@code /openapi}.
 */
public class RoleExtension implements Extension {
    /** The inbound HTTP adapters: the REST API and the web pages (spec §9: never served by workers). */
    private static final List<String> HTTP_PACKAGES = List.of("dev.billingportal.adapter.in.rest",
            "dev.billingportal.adapter.in.web");

    private final Role role = Role.parse(ConfigProvider.getConfig().getOptionalValue("portal.role", String.class)
            .filter(value -> !value.isBlank()).orElse("all"));

    <T> void withoutApiInWorkers(@Observes ProcessAnnotatedType<T> type) {
        String pkg = type.getAnnotatedType().getJavaClass().getPackageName();
        if (!role.servesApi() && HTTP_PACKAGES.stream().anyMatch(pkg::startsWith)) {
            type.veto();
        }
    }
}
