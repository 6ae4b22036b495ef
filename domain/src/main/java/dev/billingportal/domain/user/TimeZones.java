package dev.billingportal.domain.user;

import dev.billingportal.domain.failure.InvalidValue;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The IANA time zones a portal user may choose: the region ids the JDK knows ({@code America/Toronto},
 * {@code America/St_Johns}...) plus {@code UTC}; legacy aliases such as {@code EST} or
 * {@code SystemV/...} are left out so that every choice names a place.
 */
public final class TimeZones {
    private static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(TimeZones::isRegion)
            .sorted()
            .toList();
    private static final Map<String, String> BY_LOWER_CASE = ALL.stream()
            .collect(Collectors.toMap(id -> id.toLowerCase(Locale.ROOT), Function.identity()));

    private TimeZones() {
    }

    /** Every valid id, sorted. */
    public static List<String> all() {
        return ALL;
    }

    /** The zone for an id; letter case is forgiven ({@code america/toronto}), unknown ids are not. */
    public static ZoneId parse(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidValue("is required");
        }
        String canonical = BY_LOWER_CASE.get(id.strip().toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw new InvalidValue("is not a known IANA time zone, such as America/Toronto");
        }
        return ZoneId.of(canonical);
    }

    private static boolean isRegion(String id) {
        if (id.equals("UTC")) {
            return true;
        }
        return id.indexOf('/') > 0 && !id.startsWith("Etc/") && !id.startsWith("SystemV/");
    }
}
