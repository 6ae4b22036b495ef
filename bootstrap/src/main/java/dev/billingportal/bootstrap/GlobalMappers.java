package dev.billingportal.bootstrap;

import io.helidon.common.mapper.MapperManager;

/**
 * Gives Helidon its global mapper manager once, at the very start. Helidon 4.2 otherwise looks the manager up in its
 * service registry each time it is used — about 1.3 µs a lookup, several per request (reading back a response's
 * Content-Length, each route's path parameters): 8 % of a history page's time (docs/performance.md). Set before
 * anything touches the registry, the manager is the one the registry would have made, and no warning is logged.
 * The bench's hello application does the same, so the two are compared on the same floor.
 */
final class GlobalMappers {
    private GlobalMappers() {
    }

    @SuppressWarnings("removal") // Helidon marks the setter for removal; its replacement is the per-use lookup
    static void setOnce() {
        MapperManager.global(MapperManager.create());
    }
}
