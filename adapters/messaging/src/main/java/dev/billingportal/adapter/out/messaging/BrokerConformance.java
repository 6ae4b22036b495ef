package dev.billingportal.adapter.out.messaging;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * Whether a remote broker applies what the portal needs ({@link BrokerRequirements}), asked through Artemis'
 * management API at start and again every {@code recheck} (sooner while it does not): a broker made with the
 * distribution's stock configuration redelivers at once and dead-letters elsewhere, so the portal's retries would
 * all happen within milliseconds. Until it conforms, nothing is published or consumed (the outbox holds the
 * notifications) and {@code /health/ready} reports the reason.
 */
public final class BrokerConformance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BrokerConformance.class.getName());
    /** How soon a broker that did not conform, or could not be asked, is asked again. */
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** The last answer: conforms, or the reasons it does not. */
    public record Verdict(boolean conforms, String reason) {
        static final Verdict NOT_YET_CHECKED = new Verdict(false, "not checked yet");
        /** An embedded broker: configured by the portal itself. */
        static final Verdict CONFORMS = new Verdict(true, "");
    }

    private final ManagementRequests management;
    private final BrokerRequirements requirements;
    private final Duration recheck;
    private final Object signal = new Object();
    private volatile Verdict verdict = Verdict.NOT_YET_CHECKED;
    private volatile boolean running;
    private Thread thread;

    BrokerConformance(BrokerConnections connections, BrokerRequirements requirements, Duration recheck) {
        this.management = new ManagementRequests(connections);
        this.requirements = requirements;
        this.recheck = recheck;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name("broker-conformance").daemon(true).start(this::run);
    }

    public Verdict verdict() {
        return verdict;
    }

    public boolean conforms() {
        return verdict.conforms();
    }

    private void run() {
        while (running) {
            Verdict previous = verdict;
            Verdict current = check(previous);
            verdict = current;
            if (current.conforms() && !previous.conforms()) {
                LOG.info("The broker applies the settings the portal needs; publishing and consuming");
            } else if (!current.conforms() && !current.reason().equals(previous.reason())) {
                LOG.warning("Not publishing or consuming notifications: " + current.reason());
            }
            synchronized (signal) {
                try {
                    signal.wait((current.conforms() ? recheck : RETRY).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Asks the broker once. A broker that cannot be asked keeps the verdict of its last answer: one that conformed
     * and is restarting (or failing over) has not changed its configuration; one never heard from has not conformed.
     */
    Verdict check(Verdict previous) {
        try {
            Set<String> queues = Arrays.stream((Object[]) management.invoke(ResourceNames.BROKER, "getQueueNames"))
                    .map(String::valueOf).collect(Collectors.toSet());
            Map<String, String> applied = new LinkedHashMap<>();
            for (String address : requirements.addresses()) {
                applied.put(address, String.valueOf(management.invoke(ResourceNames.BROKER,
                        "getAddressSettingsAsJSON", address)));
            }
            List<String> unmet = requirements.unmetBy(applied, queues);
            return unmet.isEmpty() ? Verdict.CONFORMS
                    : new Verdict(false, "the broker does not apply what the portal needs (deploy/artemis/"
                            + "broker.properties): " + String.join("; ", unmet));
        } catch (Exception failure) {
            management.drop();
            return previous.conforms() ? previous
                    : new Verdict(false, "cannot ask the broker for its settings: " + failure.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        management.close();
    }
}
