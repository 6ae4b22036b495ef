package dev.billingportal.adapter.out.webhooks;

import dev.billingportal.domain.webhook.AddressRules;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * HttpClient's one lookup of a host, checked: every address the name resolves to must pass {@link AddressRules}, and
 * the client connects to the addresses returned here — those checked — with no second lookup between the check and
 * the connection (a name that answers a public address, then a private one, is caught at the lookup that counts).
 */
final class CheckedDns implements DnsResolver {
    /** The system's resolver, or one a test controls. */
    @FunctionalInterface
    interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    /** A name with an address the rules refuse: no connection is made to any of its addresses. */
    static final class RefusedAddress extends UnknownHostException {
        private final String reason;

        RefusedAddress(String host, String reason) {
            super(host + " resolves to a " + reason + " address");
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    private final Lookup lookup;
    private final AddressRules rules;

    CheckedDns(Lookup lookup, AddressRules rules) {
        this.lookup = lookup;
        this.rules = rules;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.addresses(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = rules.refusal(address);
            if (refused.isPresent()) {
                throw new RefusedAddress(host, refused.get());
            }
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // never asked of the network: the name as the endpoint's owner wrote it
    }
}
