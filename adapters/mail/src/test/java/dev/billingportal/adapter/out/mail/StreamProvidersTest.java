package dev.billingportal.adapter.out.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.util.StreamProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StreamProvidersTest {
    @Test
    void namesTheProviderTheServiceLoaderWouldFind() {
        List<String> found = ServiceLoader.load(StreamProvider.class).stream()
                .map(provider -> provider.type().getName()).toList();

        // If an upgrade renames it, every mail would fail to build: this test fails first.
        assertEquals(List.of(StreamProviders.ANGUS), found);
    }

    @Test
    void keepsAProviderTheOperatorChose() {
        String before = System.getProperty(StreamProviders.PROPERTY);
        try {
            System.setProperty(StreamProviders.PROPERTY, "com.example.TheirStreamProvider");

            StreamProviders.preferAngus();

            assertEquals("com.example.TheirStreamProvider", System.getProperty(StreamProviders.PROPERTY));
        } finally {
            if (before == null) {
                System.clearProperty(StreamProviders.PROPERTY);
            } else {
                System.setProperty(StreamProviders.PROPERTY, before);
            }
        }
    }

    @Test
    void namesAngusWhenNobodyChose() {
        String before = System.getProperty(StreamProviders.PROPERTY);
        try {
            System.clearProperty(StreamProviders.PROPERTY);

            StreamProviders.preferAngus();

            assertEquals(StreamProviders.ANGUS, System.getProperty(StreamProviders.PROPERTY));
        } finally {
            if (before == null) {
                System.clearProperty(StreamProviders.PROPERTY);
            } else {
                System.setProperty(StreamProviders.PROPERTY, before);
            }
        }
    }
}
