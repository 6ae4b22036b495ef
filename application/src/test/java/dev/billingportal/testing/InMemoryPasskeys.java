package dev.billingportal.testing;

import dev.billingportal.application.port.out.Passkeys;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.operator.PasskeyCredential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryPasskeys implements Passkeys {
    private final Map<String, PasskeyCredential> passkeys = new LinkedHashMap<>();

    @Override
    public synchronized void add(PasskeyCredential passkey) {
        if (passkeys.containsKey(passkey.credentialId())) {
            throw new StateConflict("passkey-registered", "This passkey is registered already.");
        }
        passkeys.put(passkey.credentialId(), copy(passkey));
    }

    @Override
    public synchronized Optional<PasskeyCredential> find(String credentialId) {
        return Optional.ofNullable(passkeys.get(credentialId)).map(InMemoryPasskeys::copy);
    }

    @Override
    public synchronized List<PasskeyCredential> of(OperatorId operator) {
        return passkeys.values().stream().filter(passkey -> passkey.operatorId().equals(operator))
                .map(InMemoryPasskeys::copy).toList();
    }

    @Override
    public synchronized boolean recordUse(PasskeyCredential used, long previousCount) {
        PasskeyCredential stored = passkeys.get(used.credentialId());
        if (stored == null || stored.signCount() != previousCount) {
            return false;
        }
        passkeys.put(used.credentialId(), copy(used));
        return true;
    }

    @Override
    public synchronized boolean remove(OperatorId operator, String credentialId) {
        PasskeyCredential stored = passkeys.get(credentialId);
        if (stored == null || !stored.operatorId().equals(operator)) {
            return false;
        }
        passkeys.remove(credentialId);
        return true;
    }

    @Override
    public synchronized void deleteAll(OperatorId operator) {
        passkeys.values().removeIf(passkey -> passkey.operatorId().equals(operator));
    }

    private static PasskeyCredential copy(PasskeyCredential p) {
        return PasskeyCredential.reconstitute(p.credentialId(), p.operatorId(), p.name(), p.verifierRecord(),
                p.signCount(), p.createdAt(), p.lastUsedAt());
    }
}
