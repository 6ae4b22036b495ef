package dev.billingportal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** What the bench needs of its own JVM to start others alike. */
final class Jvm {
    private Jvm() {
    }

    /** The java launcher running the bench, so that every process measured runs on the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The feature version of that JDK (the bench and every process it starts run on it). */
    static int featureVersion() {
        return Runtime.version().feature();
    }

    /** A loopback port nothing listens on right now. */
    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
