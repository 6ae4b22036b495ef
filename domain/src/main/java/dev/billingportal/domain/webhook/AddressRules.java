package dev.billingportal.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a webhook may be sent (spec §13, OWASP API7:2023): never to an address of the portal's own side of the
 * network — loopback, private, link-local (cloud metadata included), shared, unspecified, multicast, reserved or
 * documentation ranges, in IPv4, IPv6, and IPv4's forms inside IPv6 — unless the installation lists the network in
 * {@code portal.webhooks.allowed-networks}. Every address a name resolves to is checked, and the connection goes to
 * the checked one.
 */
public final class AddressRules {
    /** Each refused block with the reason a refusal names. */
    private static final Map<Network, String> REFUSED = refused(
            "0.0.0.0/8", "unspecified", "10.0.0.0/8", "private", "100.64.0.0/10", "shared", "127.0.0.0/8", "loopback",
            "169.254.0.0/16", "link-local", "172.16.0.0/12", "private", "192.0.0.0/24", "reserved",
            "192.0.2.0/24", "documentation", "192.88.99.0/24", "reserved", "192.168.0.0/16", "private",
            "198.18.0.0/15", "reserved", "198.51.100.0/24", "documentation", "203.0.113.0/24", "documentation",
            "224.0.0.0/4", "multicast", "240.0.0.0/4", "reserved",
            "::/128", "unspecified", "::1/128", "loopback", "64:ff9b::/96", "reserved", "64:ff9b:1::/48", "reserved",
            "100::/64", "reserved", "2001::/23", "reserved", "2001:db8::/32", "documentation", "2002::/16", "reserved",
            "3fff::/20", "documentation", "fc00::/7", "private", "fe80::/10", "link-local", "fec0::/10", "reserved",
            "ff00::/8", "multicast");
    /** The old IPv4-compatible form {@code ::a.b.c.d}; the mapped one, {@code ::ffff:a.b.c.d}, Java reads as IPv4. */
    private static final Network V4_COMPATIBLE = Network.parse("::/96");

    private final List<Network> allowed;

    /** {@code allowed}: networks the installation lets webhooks reach anyway (a test receiver on loopback). */
    public AddressRules(List<Network> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Why a webhook may not go to {@code address} ("loopback", "private"…), or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return Optional.empty();
        }
        Optional<InetAddress> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return refusal(embedded.get());
        }
        return REFUSED.entrySet().stream().filter(block -> block.getKey().contains(address))
                .map(Map.Entry::getValue).findFirst();
    }

    /**
     * The IPv4 address an IPv6 one carries as {@code ::a.b.c.d}. (One written {@code ::ffff:a.b.c.d} arrives as the
     * IPv4 address itself: Java's resolver and parser both turn the mapped form into an {@link Inet4Address}.)
     */
    private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address) || !V4_COMPATIBLE.contains(address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        if (bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && (bytes[15] == 0 || bytes[15] == 1)) {
            return Optional.empty(); // :: and ::1 are IPv6's own, not an IPv4 address
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    private static Map<Network, String> refused(String... blocksAndReasons) {
        java.util.LinkedHashMap<Network, String> blocks = new java.util.LinkedHashMap<>();
        for (int i = 0; i < blocksAndReasons.length; i += 2) {
            blocks.put(Network.parse(blocksAndReasons[i]), blocksAndReasons[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(blocks);
    }
}
