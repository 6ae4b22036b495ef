package dev.billingportal.application.service.access;

import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.domain.access.SecretTokens;
import java.util.Optional;

/**
 * A password hash no password matches, checked when a sign-in has no real hash to check (an unknown, invited or
 * disabled name), so that every failure costs the same time and timing reveals nothing. Made at the first sign-in
 * attempt, whatever its outcome — so the extra cost of that one attempt never tells a known name from an unknown one;
 * made at startup it cost 0.3 s and 34 MB of allocation on the startup path (JFR, docs/performance.md). Portal users'
 * and operators' sign-ins each keep one.
 */
final class DecoyHash {
    private final PasswordHasher hasher;
    private volatile String hash;

    DecoyHash(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /**
     * Makes the decoy if it is not made yet: the first sign-in attempt calls this before its transaction, so that the
     * hashing is never done while the attempt holds the throttle's lock.
     */
    void prepare() {
        if (hash == null) {
            synchronized (this) {
                if (hash == null) {
                    hash = hasher.hash(SecretTokens.generate());
                }
            }
        }
    }

    /**
     * Whether {@code password} matches the real hash; with none to check (no such name, or one that cannot sign in),
     * the decoy is checked instead — the same cost — and the answer is no.
     */
    boolean matches(String password, Optional<String> realHash) {
        if (realHash.isPresent()) {
            return hasher.matches(password, realHash.get());
        }
        prepare();
        hasher.matches(password, hash);
        return false;
    }
}
