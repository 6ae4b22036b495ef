package dev.billingportal.bootstrap;

import dev.billingportal.adapter.in.web.RateLimits;
import dev.billingportal.adapter.in.web.WebSettings;
import dev.billingportal.adapter.out.mail.MailSettings;
import dev.billingportal.adapter.out.messaging.MessagingSettings;
import dev.billingportal.adapter.out.messaging.RetryPolicy;
import dev.billingportal.adapter.out.persistence.DatabaseSettings;
import dev.billingportal.domain.access.SessionChannel;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.webhook.Network;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The portal's configuration (spec §8), read through MicroProfile Config: each key can be set in
 * {@code microprofile-config.properties}, as a system property or as an environment variable
 * ({@code portal.mail.smtp.host} → {@code PORTAL_MAIL_SMTP_HOST}). With nothing set, everything runs in
 * one process on an H2 file database and an embedded broker under {@code ./data}, with mail written as
 * {@code .eml} files.
 */
public record PortalSettings(Role role, Path dataDir, String baseUrl, Optional<String> operatorToken,
                             DatabaseSettings database, MessagingSettings messaging, MailSettings mail,
                             Duration outboxPollInterval, int outboxBatchSize, Duration outboxLease,
                             Duration relayStuckAfter,
                             Map<SessionChannel, SessionTimeouts> sessions, WebSettings web, boolean demo,
                             Housekeeping housekeeping, RateLimits rateLimits, Optional<String> secretsKey,
                             SessionTimeouts console, Webhooks webhooks, BillRuns billRuns) {

    /**
     * Bill runs (spec §14): how many chunks of a run one process posts side by side
     * ({@code portal.bill-runs.workers}), how long a process holds a run it posts before another may take it over
     * ({@code portal.bill-runs.lease-ms}: a killed process's run waits that long), and how often each process looks
     * for a run to post or to take over ({@code portal.bill-runs.poll-interval-ms}).
     */
    public record BillRuns(int workers, Duration lease, Duration pollInterval) {
        public BillRuns {
            if (workers < 1 || lease.compareTo(Duration.ofSeconds(1)) < 0 || pollInterval.isNegative()
                    || pollInterval.isZero()) {
                throw new IllegalArgumentException("portal.bill-runs.workers must be at least 1,"
                        + " portal.bill-runs.lease-ms at least 1000 and portal.bill-runs.poll-interval-ms positive");
            }
        }
    }

    /**
     * Webhooks (spec §13): the hosts plain {@code http} may go to ({@code portal.webhooks.insecure-hosts}), the
     * networks allowed past the address rules ({@code portal.webhooks.allowed-networks}) — both for development and
     * tests, empty by default —, how many webhook workers a worker process runs and how many due messages the
     * scheduler queues at a time.
     */
    public record Webhooks(Set<String> insecureHosts, List<Network> allowedNetworks, int workers,
                           Duration schedulerInterval, int batchSize) {
        public Webhooks {
            insecureHosts = Set.copyOf(insecureHosts);
            allowedNetworks = List.copyOf(allowedNetworks);
            if (workers < 1 || batchSize < 1 || schedulerInterval.isNegative() || schedulerInterval.isZero()) {
                throw new IllegalArgumentException("portal.webhooks.workers and portal.webhooks.batch-size must be at"
                        + " least 1, and portal.webhooks.scheduler-interval-ms positive");
            }
        }
    }

    /**
     * The notification pipeline's chores ({@code bootstrap.Housekeeping}): how often they run; when a pending delivery
     * with nothing queued counts as stalled, and how many times it is queued again before it is FAILED; how long
     * published outbox entries and settled notifications are kept.
     */
    public record Housekeeping(Duration interval, Duration stalledAfter, int maxStalls, Duration keepOutboxEntries,
                               Duration keepNotifications, Period keepAudit, Duration keepWebhookMessages) {
        public Housekeeping {
            if (keepOutboxEntries.compareTo(stalledAfter) < 0) {
                // The sweeper tells a delivery in flight from a stalled one by its latest published outbox entry.
                throw new IllegalArgumentException("portal.retention.outbox (" + keepOutboxEntries + ") must not be"
                        + " shorter than portal.notifications.stalled-after (" + stalledAfter + ")");
            }
            if (keepNotifications.compareTo(keepOutboxEntries) < 0) {
                throw new IllegalArgumentException("portal.retention.notifications must not be shorter than"
                        + " portal.retention.outbox");
            }
            if (keepAudit.isNegative() || keepAudit.isZero()) {
                throw new IllegalArgumentException("portal.retention.audit must be positive (P7Y by default)");
            }
            if (interval.isNegative() || interval.isZero() || maxStalls < 0) {
                throw new IllegalArgumentException("portal.housekeeping.interval must be positive and"
                        + " portal.notifications.max-stalls at least 0");
            }
        }
    }

    public static PortalSettings from(Config config) {
        Path dataDir = Path.of(string(config, "portal.data-dir", "./data")).toAbsolutePath().normalize();
        String baseUrl = trimSlash(string(config, "portal.base-url", "http://localhost:8080"));
        Role role = Role.parse(string(config, "portal.role", "all"));

        DatabaseSettings database = new DatabaseSettings(
                string(config, "portal.db.url", "jdbc:h2:file:" + dataDir.resolve("db").resolve("portal")
                        + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"),
                string(config, "portal.db.user", "sa"),
                secret(config, "portal.db.password").orElse(""),
                integer(config, "portal.db.pool-size", 20));

        RetryPolicy retry = new RetryPolicy(
                Duration.ofMillis(integer(config, "portal.notifications.retry.initial-delay-ms", 20_000)),
                decimal(config, "portal.notifications.retry.multiplier", 3.0),
                Duration.ofMillis(integer(config, "portal.notifications.retry.max-delay-ms", 600_000)),
                integer(config, "portal.notifications.max-attempts", 6));
        MessagingSettings messaging = new MessagingSettings(
                MessagingSettings.Mode.valueOf(string(config, "portal.jms.mode", "embedded").toUpperCase(Locale.ROOT)),
                secret(config, "portal.jms.url").orElse(null),
                secret(config, "portal.jms.user").orElse(null),
                secret(config, "portal.jms.password").orElse(null),
                dataDir.resolve("broker"),
                retry,
                // Eight, not four: a worker mostly waits (for its message, the journal, the SMTP server), and on two
                // cores eight delivered 35-55 % more mail per second than four (bench, docs/performance.md). Each
                // holds a database connection while it sends, so this stays well below portal.db.pool-size.
                integer(config, "portal.notifications.workers", 8),
                secret(config, "portal.jms.listen").orElse(null));

        MailSettings mail = new MailSettings(
                MailSettings.Transport.valueOf(string(config, "portal.mail.transport", "file").toUpperCase(Locale.ROOT)),
                string(config, "portal.mail.from", "billing-portal@localhost"),
                dataDir.resolve("mail"),
                string(config, "portal.mail.smtp.host", "localhost"),
                integer(config, "portal.mail.smtp.port", 25),
                secret(config, "portal.mail.smtp.username").orElse(null),
                secret(config, "portal.mail.smtp.password").orElse(null),
                Boolean.parseBoolean(string(config, "portal.mail.smtp.starttls", "false")),
                Duration.ofMillis(integer(config, "portal.mail.smtp.connect-timeout-ms", 10_000)),
                Duration.ofMillis(integer(config, "portal.mail.smtp.read-timeout-ms", 30_000)),
                Duration.ofMillis(integer(config, "portal.mail.smtp.write-timeout-ms", 30_000)),
                hostOf(baseUrl));

        return new PortalSettings(role, dataDir, baseUrl, secret(config, "portal.operator.token"), database,
                messaging, mail, Duration.ofMillis(integer(config, "portal.outbox.poll-interval-ms", 1_000)),
                integer(config, "portal.outbox.batch-size", 100),
                // A relay's hold on the batch it is publishing; publishing one takes milliseconds.
                Duration.ofMillis(integer(config, "portal.outbox.lease-ms", 30_000)),
                Duration.ofMillis(integer(config, "portal.outbox.stuck-after-ms", 60_000)),
                // Web sessions end after 30 idle minutes (spec §9). An API token lasts its 8 hours however rarely it
                // is used (spec §4: integrations sign in once per batch), unless an idle limit is configured
                // (docs/architecture.md).
                Map.of(SessionChannel.WEB, SessionTimeouts.withIdle(duration(config, "portal.web.idle-timeout",
                                SessionTimeouts.DEFAULT_IDLE)),
                        SessionChannel.API, SessionTimeouts.withIdle(duration(config, "portal.api.idle-timeout",
                                SessionTimeouts.ABSOLUTE))),
                new WebSettings(URI.create(baseUrl), secret(config, "portal.support.name"),
                        secret(config, "portal.support.email"), secret(config, "portal.support.phone")),
                // ./portal.sh demo: seed the demo account at startup (DemoAccountService), in an empty portal only.
                Boolean.parseBoolean(string(config, "portal.demo", "false")),
                new Housekeeping(duration(config, "portal.housekeeping.interval", Duration.ofMinutes(1)),
                        // Past the broker's longest hold on a message, so that what is still in flight is left alone.
                        duration(config, "portal.notifications.stalled-after",
                                retry.longestInFlight().plus(Duration.ofMinutes(10))),
                        integer(config, "portal.notifications.max-stalls", 3),
                        duration(config, "portal.retention.outbox", Duration.ofDays(1)),
                        // Billing records: a notification stays readable for 400 days (13 months and a margin).
                        duration(config, "portal.retention.notifications", Duration.ofDays(400)),
                        // The provider's audit: seven years, what records of who acted on customers' money keep.
                        period(config, "portal.retention.audit", Period.ofYears(7)),
                        // A webhook endpoint's delivery log: 90 days of what was sent, as the receivers' own
                        // providers keep theirs; the billing records themselves are the transactions.
                        duration(config, "portal.retention.webhooks", Duration.ofDays(90))),
                // 100 requests a second from one address, 50 for one session, in bursts of a quarter-minute's worth.
                new RateLimits(integer(config, "portal.rate-limit.per-address", 6_000),
                        integer(config, "portal.rate-limit.per-session", 3_000),
                        secret(config, "portal.rate-limit.trusted-proxies").stream()
                                .flatMap(list -> java.util.Arrays.stream(list.split(",")))
                                .map(String::strip).filter(address -> !address.isEmpty())
                                .collect(java.util.stream.Collectors.toSet())),
                secret(config, "portal.secrets.key"),
                // The console: 15 idle minutes, 8 hours at most (spec §11).
                SessionTimeouts.withIdle(duration(config, "portal.console.idle-timeout", Duration.ofMinutes(15))),
                new Webhooks(list(config, "portal.webhooks.insecure-hosts").stream()
                        .map(host -> host.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet()),
                        list(config, "portal.webhooks.allowed-networks").stream().map(network -> {
                            try {
                                return Network.parse(network);
                            } catch (RuntimeException invalid) {
                                throw new IllegalArgumentException("portal.webhooks.allowed-networks: '" + network
                                        + "' is not an address or a network such as 10.0.0.0/8");
                            }
                        }).toList(),
                        // A webhook worker mostly waits on a receiver: more of them than mail workers, and none holds
                        // a database connection while it waits (DeliverWebhookService).
                        integer(config, "portal.webhooks.workers", 16),
                        Duration.ofMillis(integer(config, "portal.webhooks.scheduler-interval-ms", 1_000)),
                        integer(config, "portal.webhooks.batch-size", 200)),
                // Each chunk holds a database connection while it posts: well below portal.db.pool-size.
                new BillRuns(integer(config, "portal.bill-runs.workers", 4),
                        Duration.ofMillis(integer(config, "portal.bill-runs.lease-ms", 60_000)),
                        Duration.ofMillis(integer(config, "portal.bill-runs.poll-interval-ms", 5_000))));
    }

    /** A comma-separated list; empty when the key is not set. */
    private static List<String> list(Config config, String key) {
        return secret(config, key).stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    /** An ISO-8601 period of days, months or years ({@code P7Y}). */
    private static Period period(Config config, String key, Period fallback) {
        Optional<String> value = secret(config, key).map(String::strip);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Period.parse(value.get());
        } catch (java.time.format.DateTimeParseException invalid) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 period such as P7Y, not " + value.get());
        }
    }

    /** An ISO-8601 duration ({@code PT30M}) or a whole number of minutes ({@code 30}). */
    private static Duration duration(Config config, String key, Duration fallback) {
        Optional<String> value = secret(config, key).map(String::strip);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return value.get().chars().allMatch(Character::isDigit)
                    ? Duration.ofMinutes(Long.parseLong(value.get()))
                    : Duration.parse(value.get());
        } catch (RuntimeException notADuration) {
            throw new IllegalArgumentException(key + " must be a number of minutes or an ISO-8601 duration such as"
                    + " PT30M, not '" + value.get() + "'");
        }
    }

    private static String string(Config config, String key, String fallback) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank()).orElse(fallback);
    }

    /** Optional values; MicroProfile Config treats an empty value as missing. */
    private static Optional<String> secret(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }

    private static int integer(Config config, String key, int fallback) {
        String value = string(config, key, Integer.toString(fallback));
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }

    private static double decimal(Config config, String key, double fallback) {
        String value = string(config, key, Double.toString(fallback));
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(key + " must be a number, not '" + value + "'");
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String hostOf(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "localhost" : host;
    }

    /** Secrets (the operator token, passwords) must never reach logs. */
    @Override
    public String toString() {
        return "PortalSettings[role=" + role + ", dataDir=" + dataDir + ", baseUrl=" + baseUrl + ", database="
                + database + ", messaging=" + messaging + ", mail=" + mail + ", sessions=" + sessions + "]";
    }
}
