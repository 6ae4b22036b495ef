package dev.billingportal.domain.webhook;

import dev.billingportal.domain.failure.InvalidValue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}). Written only as literal addresses:
 * parsing one never asks a resolver.
 */
public record Network(byte[] prefix, int length) {
    public Network {
        prefix = prefix.clone();
        if (length < 0 || length > prefix.length * 8) {
            throw new InvalidValue("has a prefix length out of range");
        }
    }

    public static Network parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr.strip() : cidr.substring(0, slash).strip();
        byte[] bytes = literal(address);
        int length;
        try {
            length = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1).strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidValue("has no prefix length after '/': " + cidr);
        }
        return new Network(bytes, length);
    }

    /** A literal IPv4 or IPv6 address's bytes; a name is refused, not resolved. */
    static byte[] literal(String address) {
        boolean v4 = address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new InvalidValue("is not a literal IP address: " + address);
        }
        try {
            return InetAddress.getByName(address).getAddress(); // a literal: no lookup is made
        } catch (UnknownHostException malformed) {
            throw new InvalidValue("is not a literal IP address: " + address);
        }
    }

    @Override
    public byte[] prefix() {
        return prefix.clone();
    }

    /** Whether {@code address} is in this block (an IPv4 address is never in an IPv6 block, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != prefix.length) {
            return false;
        }
        int whole = length / 8;
        if (!Arrays.equals(bytes, 0, whole, prefix, 0, whole)) {
            return false;
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[whole] & mask) == (prefix[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Network network && network.length == length && Arrays.equals(network.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + length;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/" + length;
        } catch (UnknownHostException impossible) {
            return Arrays.toString(prefix) + "/" + length;
        }
    }
}
