package dev.billingportal.testing;

import java.util.Comparator;
import java.util.UUID;

/**
 * UUIDs in the order databases sort them: as unsigned bytes, which is the order of their text. Java's own
 * {@link UUID#compareTo} compares signed halves and disagrees for about half of all pairs.
 */
public final class Uuids {
    public static final Comparator<UUID> AS_STORED = Comparator.comparing(UUID::toString);

    private Uuids() {
    }
}
