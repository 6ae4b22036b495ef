package dev.billingportal.application.service.access;

import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.domain.access.SecretTokens;

/**
 * A password hash no password matches, checked when a sign-in has no real hash to check (an unknown, invited or
 * disabled name), so that every failure costs the same time and timing reveals nothing. Made at the first sign-in
 * attempt, whatever its outcome — made at startup it cost 0.3 s and 34 MB of allocation on the startup path
 * (docs/performance.md).
 */
final class DecoyHash {
    private final PasswordHasher hasher;
    private volatile String hash;

    DecoyHash(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    String get() {
        String made = hash;
        if (made == null) {
            synchronized (this) {
                if (hash == null) {
                    hash = hasher.hash(SecretTokens.generate());
                }
                made = hash;
            }
        }
        return made;
    }
}
