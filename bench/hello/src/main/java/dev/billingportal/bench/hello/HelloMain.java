package dev.billingportal.bench.hello;

import io.helidon.common.mapper.MapperManager;

/**
 * Starts the hello application as Helidon MP's own main does, after giving Helidon its global mapper manager once —
 * as the portal's main does (its {@code GlobalMappers}). Without it, Helidon 4.2 looks the manager up in its service
 * registry on every use, several times a request; the portal is compared with a bare GET on the same floor.
 */
public final class HelloMain {
    private HelloMain() {
    }

    @SuppressWarnings("removal") // Helidon marks the setter for removal; its replacement is the per-use lookup
    public static void main(String[] args) {
        MapperManager.global(MapperManager.create());
        io.helidon.microprofile.cdi.Main.main(args);
    }
}
