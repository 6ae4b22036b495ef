package dev.billingportal.application.port.in.operator;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.failure.FieldChecks;
import java.util.Objects;
import java.util.Optional;

/** An administrator gives an operator another role, with a reason (spec §11). */
public record ChangeOperatorRoleCommand(Actor actor, OperatorId operator, OperatorRole role, Optional<Reason> reason) {
    public ChangeOperatorRoleCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reason, "reason");
    }

    public static ChangeOperatorRoleCommand of(Actor actor, OperatorId operator, String role, String reason) {
        FieldChecks checks = FieldChecks.start();
        OperatorRole newRole = checks.required("role", role, OperatorRole::parse);
        Optional<Reason> why = checks.optional("reason", reason, Reason::new);
        checks.orThrow();
        return new ChangeOperatorRoleCommand(actor, operator, newRole, why);
    }
}
