package dev.billingportal.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /health/ready}: the database answers, and where workers run, the broker is reachable. */
@ApplicationScoped
public class ReadinessChecks {
    @Inject
    Portal portal;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> HealthCheckResponse.named("database")
                .status(portal.database().map(database -> database.isReachable()).orElse(false))
                .build();
    }

    @Produces
    @Readiness
    HealthCheck broker() {
        return () -> {
            boolean needed = portal.settings() != null && portal.settings().role().runsWorkers();
            boolean reachable = portal.messaging().map(messaging -> messaging.brokerReachable()).orElse(false);
            return HealthCheckResponse.named("broker")
                    .status(!needed || reachable)
                    .withData("required", needed)
                    .withData("reachable", reachable)
                    .build();
        };
    }
}
