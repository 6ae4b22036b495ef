package dev.billingportal.domain.access;

import dev.billingportal.domain.failure.InvalidValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The provider's roles and the permission table of spec §11, as code: the one place that answers "may a caller of
 * this role do this?". An operator (a person), a named API key and the installation key each act with a role.
 */
public enum OperatorRole {
    SUPPORT(EnumSet.of(Permission.READ_ACCOUNTS, Permission.ASSIST_CUSTOMERS)),
    BILLING(EnumSet.of(Permission.READ_ACCOUNTS, Permission.ASSIST_CUSTOMERS, Permission.POST_BILLING)),
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    OperatorRole(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** As the API writes it: {@code support}, {@code billing}, {@code admin}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Its API code; letter case is forgiven. */
    public static OperatorRole parse(String raw) {
        for (OperatorRole role : values()) {
            if (role.code().equalsIgnoreCase(raw.strip())) {
                return role;
            }
        }
        throw new InvalidValue("must be support, billing or admin");
    }
}
