package dev.billingportal.adapter.out.messaging;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Whether a {@code tcp://host:port} address stays on this machine. */
final class LoopbackAddress {
    private LoopbackAddress() {
    }

    static boolean isLoopback(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IllegalArgumentException | UnknownHostException notAnAddress) {
            return false;
        }
    }
}
