package dev.billingportal.adapter.in.rest.request;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUserId;
import java.util.UUID;

/** Ids from URL paths; one that is not a UUID names nothing, so it is simply not found. */
public final class PathIds {
    private PathIds() {
    }

    public static AccountId account(String raw) {
        return new AccountId(uuid(raw, "The account"));
    }

    public static PortalUserId user(String raw) {
        return new PortalUserId(uuid(raw, "The portal user"));
    }

    public static UUID uuid(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new NotFound(what);
        }
    }
}
