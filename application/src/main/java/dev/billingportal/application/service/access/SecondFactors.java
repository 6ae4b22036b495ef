package dev.billingportal.application.service.access;

import dev.billingportal.application.port.out.PasskeyVerifier;
import dev.billingportal.application.port.out.Passkeys;
import dev.billingportal.application.port.out.RecoveryCodes;
import dev.billingportal.domain.access.SignInFactor;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.PasskeyCredential;
import dev.billingportal.domain.operator.RecoveryCode;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks the second factor an operator gives — a code from the authenticator, a recovery code, or a passkey's answer
 * to the session's challenge — and spends it: the authenticator's step is remembered (the caller stores the operator),
 * the recovery code is used up, the passkey's counter moves on.
 */
final class SecondFactors {
    private final RecoveryCodes recoveryCodes;
    private final Passkeys passkeys;
    private final PasskeyVerifier verifier;

    SecondFactors(RecoveryCodes recoveryCodes, Passkeys passkeys, PasskeyVerifier verifier) {
        this.recoveryCodes = recoveryCodes;
        this.passkeys = passkeys;
        this.verifier = verifier;
    }

    /** The factor a typed code was meant as: a recovery code by its shape, else the authenticator's. */
    static SignInFactor meantBy(String code) {
        return RecoveryCode.parse(code).isPresent() ? SignInFactor.RECOVERY_CODE : SignInFactor.TOTP;
    }

    /** Whether {@code code} proves the operator; the authenticator's accepted step is now in {@code operator}. */
    boolean code(Operator operator, String code, Instant now) {
        Optional<RecoveryCode> recovery = RecoveryCode.parse(code);
        if (recovery.isPresent()) {
            return recoveryCodes.consume(operator.id(), recovery.get().hash(), now);
        }
        return operator.acceptTotp(code, now);
    }

    /** Whether a passkey's answer to {@code challenge} (base64url, from the session) proves the operator. */
    boolean passkey(Operator operator, String assertionJson, Optional<String> challenge, Instant now) {
        if (challenge.isEmpty() || assertionJson == null) {
            return false;
        }
        Optional<PasskeyCredential> stored = verifier.credentialIdOf(assertionJson).flatMap(passkeys::find)
                .filter(passkey -> passkey.operatorId().equals(operator.id()));
        if (stored.isEmpty()) {
            return false;
        }
        PasskeyCredential passkey = stored.get();
        long previous = passkey.signCount();
        PasskeyVerifier.Assertion assertion;
        try {
            assertion = verifier.verifyAssertion(assertionJson, Base64.getUrlDecoder().decode(challenge.get()), passkey);
        } catch (AuthenticationFailed refused) {
            return false;
        }
        return passkey.asserted(assertion.signCount(), now) && passkeys.recordUse(passkey, previous);
    }
}
