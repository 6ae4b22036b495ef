package dev.billingportal.application.port.out;

import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.operator.PasskeyCredential;
import java.util.List;
import java.util.Optional;

/** The passkeys operators registered. */
public interface Passkeys {

    /** Stores a new passkey; a credential id registered before is {@code passkey-registered}. */
    void add(PasskeyCredential passkey);

    Optional<PasskeyCredential> find(String credentialId);

    List<PasskeyCredential> of(OperatorId operator);

    /**
     * Records a verified use: the new counter and time, if the stored counter is still {@code previousCount} — so
     * two uses of one signature counter cannot both pass.
     */
    boolean recordUse(PasskeyCredential used, long previousCount);

    /** Removes one of the operator's passkeys; false if it had none of this id. */
    boolean remove(OperatorId operator, String credentialId);

    void deleteAll(OperatorId operator);
}
