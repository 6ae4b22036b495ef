package dev.billingportal.domain.operator;

import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.common.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * A passkey an operator registered (WebAuthn): its credential id, what the verifier needs to check its signatures
 * ({@code verifierRecord}, the public key and attestation data as the WebAuthn adapter serialised them), and its
 * signature counter. An authenticator that counts signs with a counter above the last one seen; one that signs with a
 * lower or equal counter may be a clone, and is refused (WebAuthn §6.1.1).
 */
public final class PasskeyCredential {
    private final String credentialId;
    private final OperatorId operatorId;
    private final String name;
    private final String verifierRecord;
    private long signCount;
    private final Instant createdAt;
    private Instant lastUsedAt;

    private PasskeyCredential(String credentialId, OperatorId operatorId, String name, String verifierRecord,
                              long signCount, Instant createdAt, Instant lastUsedAt) {
        this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
        this.operatorId = Objects.requireNonNull(operatorId, "operatorId");
        this.name = Text.singleLine(name, 1, 100);
        this.verifierRecord = Objects.requireNonNull(verifierRecord, "verifierRecord");
        this.signCount = signCount;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastUsedAt = lastUsedAt;
    }

    public static PasskeyCredential registered(String credentialId, OperatorId operatorId, String name,
                                               String verifierRecord, long signCount, Instant now) {
        return new PasskeyCredential(credentialId, operatorId, name, verifierRecord, signCount, now, null);
    }

    public static PasskeyCredential reconstitute(String credentialId, OperatorId operatorId, String name,
                                                 String verifierRecord, long signCount, Instant createdAt,
                                                 Instant lastUsedAt) {
        return new PasskeyCredential(credentialId, operatorId, name, verifierRecord, signCount, createdAt, lastUsedAt);
    }

    /**
     * A verified signature with the authenticator's counter {@code newCount}: accepted unless the counter went back
     * (or stood still) while either count is non-zero — authenticators that do not count always send zero.
     *
     * @return whether it is accepted
     */
    public boolean asserted(long newCount, Instant now) {
        if ((newCount != 0 || signCount != 0) && newCount <= signCount) {
            return false;
        }
        signCount = newCount;
        lastUsedAt = now;
        return true;
    }

    public String credentialId() {
        return credentialId;
    }

    public OperatorId operatorId() {
        return operatorId;
    }

    public String name() {
        return name;
    }

    public String verifierRecord() {
        return verifierRecord;
    }

    public long signCount() {
        return signCount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
