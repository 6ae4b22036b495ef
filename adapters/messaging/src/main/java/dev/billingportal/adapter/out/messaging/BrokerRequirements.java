package dev.billingportal.adapter.out.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.json.JsonNumber;
import org.apache.activemq.artemis.json.JsonObject;
import org.apache.activemq.artemis.json.JsonString;
import org.apache.activemq.artemis.json.JsonValue;
import org.apache.activemq.artemis.utils.JsonLoader;

/**
 * What the portal needs of its broker: the addresses and queues of {@link Queues}, and the settings that make a
 * failed mail wait before it is retried and end on the dead-letter queue rather than be dropped. Read from
 * {@code deploy/artemis/broker.properties} (bundled here at build time), the file a standalone broker is made with,
 * with the redelivery figures of this portal's {@link RetryPolicy} over it: the embedded broker applies exactly this,
 * and a remote broker is checked against it.
 */
public final class BrokerRequirements {
    /** The bundled copy of {@code deploy/artemis/broker.properties}. */
    static final String RESOURCE = "broker.properties";
    private static final List<String> ADDRESSES = List.of(Queues.NOTIFICATIONS, Queues.DEAD_LETTERS, Queues.EXPIRED,
            Queues.WEBHOOKS);

    private final Properties properties;
    private final RetryPolicy retryPolicy;
    /** What {@link #applyTo} gives each address, parsed once: a remote broker is compared with it every 30 s. */
    private final Map<String, AddressSettings> required;

    private BrokerRequirements(Properties properties, RetryPolicy retryPolicy) {
        this.properties = properties;
        this.retryPolicy = retryPolicy;
        ConfigurationImpl parsed = new ConfigurationImpl();
        applyTo(parsed);
        this.required = Map.copyOf(parsed.getAddressSettings());
    }

    /** The shipped requirements with the redelivery figures of {@code retryPolicy}. */
    public static BrokerRequirements of(RetryPolicy retryPolicy) {
        try (InputStream shipped = BrokerRequirements.class.getResourceAsStream(RESOURCE)) {
            if (shipped == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the messaging adapter's jar");
            }
            Properties properties = new Properties();
            properties.load(shipped);
            return new BrokerRequirements(properties, retryPolicy);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The addresses the portal uses, each with one durable anycast queue of the same name. */
    public List<String> addresses() {
        return ADDRESSES;
    }

    /** Applies the addresses, queues and settings to an embedded broker's configuration. */
    void applyTo(ConfigurationImpl configuration) {
        try {
            configuration.parsePrefixedProperties(properties, null);
        } catch (Exception invalid) {
            throw new IllegalStateException(RESOURCE + " does not apply to the broker: " + invalid.getMessage(),
                    invalid);
        }
        Map<String, AddressSettings> settings = configuration.getAddressSettings();
        for (String address : ADDRESSES) {
            if (!settings.containsKey(address)) {
                throw new IllegalStateException(RESOURCE + " has no settings for " + address);
            }
        }
        withRetryPolicy(settings.get(Queues.NOTIFICATIONS));
    }

    /** The settings the portal needs on {@code address} (only those it sets; the broker's defaults do the rest). */
    public AddressSettings settingsFor(String address) {
        AddressSettings settings = required.get(address);
        if (settings == null) {
            throw new IllegalArgumentException("The portal does not use the address " + address);
        }
        return settings;
    }

    private AddressSettings withRetryPolicy(AddressSettings notifications) {
        return notifications
                .setRedeliveryDelay(retryPolicy.initialDelay().toMillis())
                .setRedeliveryMultiplier(retryPolicy.multiplier())
                .setMaxRedeliveryDelay(retryPolicy.maxDelay().toMillis())
                .setMaxDeliveryAttempts(retryPolicy.brokerDeliveryAttempts());
    }

    /**
     * What a broker lacks, in words an operator can act on; empty when it applies everything the portal needs.
     *
     * @param applied the settings the broker applies to each address (merged over its catch-all), as
     *                Artemis' management API reports them ({@code getAddressSettingsAsJSON})
     * @param queues  the queues the broker holds
     */
    public List<String> unmetBy(Map<String, String> applied, Collection<String> queues) {
        List<String> unmet = new ArrayList<>();
        for (String address : ADDRESSES) {
            if (!queues.contains(address)) {
                unmet.add("the queue " + address + " is missing");
            }
            JsonObject needed = json(settingsFor(address).toJSON());
            JsonObject actual = json(applied.getOrDefault(address, "{}"));
            for (Map.Entry<String, JsonValue> setting : needed.entrySet()) {
                JsonValue value = actual.get(setting.getKey());
                if (!same(setting.getValue(), value)) {
                    unmet.add(address + ": " + setting.getKey() + " is " + (value == null ? "the broker's default" : text(value))
                            + ", the portal needs " + text(setting.getValue()));
                }
            }
        }
        return unmet;
    }

    /** Numbers compare by value: the broker may print 3 where the file says 3.0. */
    private static boolean same(JsonValue needed, JsonValue actual) {
        if (actual == null) {
            return false;
        }
        if (needed.getValueType() == JsonValue.ValueType.NUMBER && actual.getValueType() == JsonValue.ValueType.NUMBER) {
            return ((JsonNumber) needed).bigDecimalValue()
                    .compareTo(((JsonNumber) actual).bigDecimalValue()) == 0;
        }
        return text(needed).equals(text(actual));
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static JsonObject json(String text) {
        return JsonLoader.readObject(new StringReader(text));
    }
}
