package dev.billingportal.application.port.out;

import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.EmailAddress;
import java.util.List;
import java.util.Optional;

/**
 * The provider's operators. Their authenticator secrets are stored sealed (encrypted under the installation's secrets
 * key), never in clear; e-mail addresses are unique among operators in any letter case.
 */
public interface Operators {

    /** Stores a new operator; an address already taken, in any letter case, is {@code operator-email-taken}. */
    Operator add(Operator operator);

    /** Stores the operator's changes; a concurrent change to the same operator is a {@code VersionMismatch}. */
    Operator update(Operator operator);

    Optional<Operator> find(OperatorId id);

    Optional<Operator> findByEmail(EmailAddress email);

    /** Every operator, by e-mail address. */
    List<Operator> all();

    /**
     * Locks the roster until the unit of work ends and counts the active administrators: every change that could
     * take an administrator away (a role change, disabling) takes this lock first, so the last-administrator rule
     * holds however many administrators act at once.
     */
    long lockRosterAndCountActiveAdmins();

    /** The active administrators: who receives the security notices. */
    List<Operator> activeAdmins();
}
