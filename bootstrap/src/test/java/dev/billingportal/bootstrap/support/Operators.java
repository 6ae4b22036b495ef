package dev.billingportal.bootstrap.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Operators as the console leaves them, written straight into the running portal's database. */
public final class Operators {
    private Operators() {
    }

    /**
     * An administrator who has accepted their invitation and enrolled (their password and authenticator are not
     * needed by the tests that use this); returns their id.
     */
    public static UUID activeAdmin(Db db, String email, String name, String language, String timeZone) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.update("INSERT INTO operator (id, email, email_key, name, role, status, language, time_zone,"
                + " password_hash, totp_last_step, created_at, updated_at, version) VALUES"
                + " (?, ?, ?, ?, 'ADMIN', 'ACTIVE', ?, ?, 'not-a-real-hash', 0, ?, ?, 0)",
                id, email, email.toLowerCase(java.util.Locale.ROOT), name, language, timeZone, now, now);
        return id;
    }
}
