package dev.billingportal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.bootstrap.support.TestPortal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

/** The embedded defaults keep the promises that depend on configuration, and a setting that would break one stops the start. */
class PortalSettingsTest {

    private static Config config(Map<String, String> values) {
        return ConfigProviderResolver.instance().getBuilder().withSources(TestPortal.source(values)).build();
    }

    @Test
    void smtpTimeoutsAreSetAndAtMostThirtySeconds() {
        var mail = PortalSettings.from(config(Map.of())).mail();
        for (Duration timeout : new Duration[] {mail.connectTimeout(), mail.readTimeout(), mail.writeTimeout()}) {
            assertTrue(timeout.compareTo(Duration.ZERO) > 0 && timeout.compareTo(Duration.ofSeconds(30)) <= 0,
                    "a dead mail server cannot pin a worker: " + timeout);
        }
    }

    @Test
    void theSweeperLeavesAloneWhatTheBrokerMayStillHoldAndRetentionKeepsWhatTheSweeperReads() {
        PortalSettings settings = PortalSettings.from(config(Map.of()));
        PortalSettings.Housekeeping chores = settings.housekeeping();

        assertTrue(chores.stalledAfter().compareTo(settings.messaging().retryPolicy().longestInFlight()) > 0,
                "stalled only once the broker has given the message up: " + chores.stalledAfter());
        assertTrue(chores.keepOutboxEntries().compareTo(chores.stalledAfter()) >= 0);
        assertEquals(Duration.ofDays(400), chores.keepNotifications());
        assertEquals(Duration.ofMinutes(1), chores.interval());
    }

    @Test
    void retentionShorterThanTheSweepersWindowStopsTheStartWithTheReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PortalSettings.from(
                config(Map.of("portal.retention.outbox", "PT1H", "portal.notifications.stalled-after", "PT2H"))));
        assertTrue(refused.getMessage().contains("portal.retention.outbox"), refused.getMessage());
    }

    @Test
    void theProviderSideKeepsItsAuditSevenYearsAndTheConsoleIdlesOutAfterAQuarterHour() {
        PortalSettings defaults = PortalSettings.from(config(Map.of()));
        assertEquals(java.time.Period.ofYears(7), defaults.housekeeping().keepAudit());
        assertEquals(java.time.Duration.ofMinutes(15), defaults.console().idle());
        assertEquals(java.util.Optional.empty(), defaults.secretsKey());

        PortalSettings set = PortalSettings.from(config(Map.of("portal.retention.audit", "P10Y",
                "portal.console.idle-timeout", "PT5M")));
        assertEquals(java.time.Period.ofYears(10), set.housekeeping().keepAudit());
        assertEquals(java.time.Duration.ofMinutes(5), set.console().idle());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PortalSettings.from(config(Map.of("portal.retention.audit", "seven years"))));
        assertTrue(refused.getMessage().contains("portal.retention.audit"), refused.getMessage());
    }

    @Test
    void rateLimitsAreOnByDefaultAndGenerous() {
        var limits = PortalSettings.from(config(Map.of())).rateLimits();
        assertEquals(6_000, limits.perAddressPerMinute());
        assertEquals(3_000, limits.perSessionPerMinute());
        assertEquals(0, PortalSettings.from(config(Map.of("portal.rate-limit.per-address", "0")))
                .rateLimits().perAddressPerMinute(), "0 switches it off");
        assertEquals(Set.of(), limits.trustedProxies(), "no X-Forwarded-For believed unless configured");
    }

    @Test
    void behindATrustedBalancerTheClientIsTheLastForwardedAddressAndNowhereElse() {
        var limits = PortalSettings.from(config(Map.of("portal.rate-limit.trusted-proxies", "10.0.0.5, 10.0.0.6")))
                .rateLimits();
        assertEquals(Set.of("10.0.0.5", "10.0.0.6"), limits.trustedProxies());
        assertEquals("203.0.113.7", limits.clientAddress("10.0.0.5", java.util.Optional.of("203.0.113.7")));
        assertEquals("203.0.113.7", limits.clientAddress("10.0.0.6", java.util.Optional.of("1.2.3.4, 203.0.113.7")),
                "what the client wrote itself comes first and is not believed");
        assertEquals("10.0.0.5", limits.clientAddress("10.0.0.5", java.util.Optional.empty()));
        assertEquals("198.51.100.9", limits.clientAddress("198.51.100.9", java.util.Optional.of("203.0.113.7")),
                "an untrusted peer cannot choose its address");
    }
}
