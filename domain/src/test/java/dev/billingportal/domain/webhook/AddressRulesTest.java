package dev.billingportal.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.domain.failure.InvalidValue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a webhook may go: every refused range with its reason, IPv4 inside IPv6 included, and the allowed list. */
class AddressRulesTest {
    private static final AddressRules RULES = new AddressRules(List.of());

    /** A literal address as the resolver would give it (Java's own parser: 127.1 and 2130706433 are IPv4 forms). */
    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "127.0.0.1, loopback", "127.1, loopback", "2130706433, loopback", "::1, loopback",
        "::ffff:127.0.0.1, loopback", "::127.0.0.1, loopback", "10.0.0.1, private", "172.16.5.4, private",
        "192.168.1.1, private", "fd00::1, private", "169.254.169.254, link-local", "fe80::1, link-local",
        "100.64.0.1, shared", "0.0.0.0, unspecified", "::, unspecified", "224.0.0.1, multicast", "ff02::1, multicast",
        "240.0.0.1, reserved", "255.255.255.255, reserved", "192.0.2.10, documentation", "2001:db8::1, documentation",
        "198.18.0.1, reserved", "::ffff:10.1.2.3, private", "64:ff9b::7f00:1, reserved", "2002:7f00:1::1, reserved"})
    void aRefusedAddressIsRefusedWithItsReason(String literal, String reason) {
        assertEquals(Optional.of(reason), RULES.refusal(address(literal)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"})
    void aPublicAddressIsAllowed(String literal) {
        assertEquals(Optional.empty(), RULES.refusal(address(literal)));
    }

    @Test
    void anAllowedNetworkLetsThroughOnlyWhatItContains() {
        AddressRules tests = new AddressRules(List.of(Network.parse("127.0.0.1/32"), Network.parse("::1")));
        assertEquals(Optional.empty(), tests.refusal(address("127.0.0.1")));
        assertEquals(Optional.empty(), tests.refusal(address("::1")));
        assertEquals(Optional.of("loopback"), tests.refusal(address("127.0.0.2")));
        assertEquals(Optional.of("private"), tests.refusal(address("10.0.0.1")));
    }

    @Test
    void aNetworkIsWrittenAsALiteralNeverAName() {
        assertEquals("10.0.0.0/8", Network.parse("10.0.0.0/8").toString());
        assertEquals(true, Network.parse("100.64.0.0/10").contains(address("100.127.255.255")));
        assertEquals(false, Network.parse("100.64.0.0/10").contains(address("100.128.0.0")));
        assertThrows(InvalidValue.class, () -> Network.parse("localhost/8"));
        assertThrows(InvalidValue.class, () -> Network.parse("10.0.0.0/33"));
        assertThrows(InvalidValue.class, () -> Network.parse("10.0.0.0/x"));
    }
}
