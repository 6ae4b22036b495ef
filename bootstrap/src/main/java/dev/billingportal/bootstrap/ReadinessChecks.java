package dev.billingportal.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: the database answers, and where workers run, the broker is reachable and applies what the
 * portal needs (a remote one is checked, the reason given when it does not), the relay makes progress and the
 * notification workers are listening.
 */
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

    /** Where workers run, the relay must be making progress: a relay failing for longer than allowed is DOWN. */
    @Produces
    @Readiness
    HealthCheck outboxRelay() {
        return () -> {
            if (portal.settings() == null || !portal.settings().role().runsWorkers()) {
                return HealthCheckResponse.named("outbox-relay").up().withData("required", false).build();
            }
            java.time.Duration since = portal.relay().map(relay -> relay.sinceLastSuccess())
                    .orElse(java.time.Duration.ofDays(1));
            boolean running = portal.relay().map(relay -> relay.isRunning()).orElse(false);
            return HealthCheckResponse.named("outbox-relay")
                    .status(running && since.compareTo(portal.settings().relayStuckAfter()) < 0)
                    .withData("secondsSinceLastRelay", since.toSeconds())
                    .withData("stuckAfterSeconds", portal.settings().relayStuckAfter().toSeconds())
                    .build();
        };
    }

    /** Where workers run, their consumers must be connected and listening: a worker that cannot take mail is DOWN. */
    @Produces
    @Readiness
    HealthCheck notificationWorkers() {
        return () -> {
            boolean needed = portal.settings() != null && portal.settings().role().runsWorkers();
            boolean listening = portal.listener().map(listener -> listener.isListening()).orElse(false);
            return HealthCheckResponse.named("notification-workers")
                    .status(!needed || listening)
                    .withData("required", needed)
                    .withData("listening", listening)
                    .build();
        };
    }

    @Produces
    @Readiness
    HealthCheck broker() {
        return () -> {
            boolean needed = portal.settings() != null && portal.settings().role().runsWorkers();
            boolean reachable = portal.messaging().map(messaging -> messaging.brokerReachable()).orElse(false);
            var conformance = portal.messaging().map(messaging -> messaging.conformance());
            boolean conforms = conformance.map(verdict -> verdict.conforms()).orElse(false);
            var response = HealthCheckResponse.named("broker")
                    .status(!needed || (reachable && conforms))
                    .withData("required", needed)
                    .withData("reachable", reachable)
                    .withData("conforms", conforms);
            conformance.filter(verdict -> !verdict.conforms())
                    .ifPresent(verdict -> response.withData("reason", verdict.reason()));
            return response.build();
        };
    }
}
