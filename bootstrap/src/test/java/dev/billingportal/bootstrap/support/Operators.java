package dev.billingportal.bootstrap.support;

import dev.billingportal.domain.access.SecretTokens;
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
        return active(db, email, name, "ADMIN", language, timeZone);
    }

    /** The same in any role ({@code ADMIN}, {@code BILLING}, {@code SUPPORT}). */
    public static UUID active(Db db, String email, String name, String role, String language, String timeZone) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.update("INSERT INTO operator (id, email, email_key, name, role, status, language, time_zone,"
                + " password_hash, totp_last_step, created_at, updated_at, version) VALUES"
                + " (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 'not-a-real-hash', 0, ?, ?, 0)",
                id, email, email.toLowerCase(java.util.Locale.ROOT), name, role, language, timeZone, now, now);
        return id;
    }

    /**
     * The token of a console session of {@code operator}, signed in with their second factor just now, as the console
     * stores one: a browser holding it as its cookie is that operator's.
     */
    public static String consoleSession(Db db, UUID operator) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String token = SecretTokens.generate();
        db.update("INSERT INTO console_session (token_hash, operator_id, stage, created_at, last_used_at,"
                + " expires_at, second_factor_at) VALUES (?, ?, 'FULL', ?, ?, ?, ?)", SecretTokens.hash(token),
                operator, now, now, now.plusHours(8), now);
        return token;
    }
}
