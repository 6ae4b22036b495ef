package dev.billingportal.adapter.out.mail;

/**
 * Names Jakarta Mail's stream provider once, as its {@code FactoryFinder} allows through a system property.
 * Without it, Jakarta Mail 2.1 looks the provider up with {@link java.util.ServiceLoader} for every body part
 * and every multipart it creates — a scan of every jar on the portal's classpath, four times per mail; JFR put
 * it at a quarter of a notification worker's time (docs/performance.md). The provider named is the one that
 * lookup finds anyway: Eclipse Angus Mail's, the implementation the portal ships.
 */
final class StreamProviders {
    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private StreamProviders() {
    }

    /** Sets the property unless the operator has chosen a provider of their own. */
    static void preferAngus() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
