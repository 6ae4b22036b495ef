package dev.billingportal.application.port.in.operator;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.failure.FieldChecks;
import java.util.Objects;
import java.util.Optional;

/** An administrator's action on one operator (disable, reset the second factor, invite again), with a reason. */
public record OperatorCommand(Actor actor, OperatorId operator, Optional<Reason> reason) {
    public OperatorCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(reason, "reason");
    }

    /** The same with the reason as sent ({@code null} for none): 3–500 characters. */
    public static OperatorCommand of(Actor actor, OperatorId operator, String reason) {
        FieldChecks checks = FieldChecks.start();
        Optional<Reason> why = checks.optional("reason", reason, Reason::new);
        checks.orThrow();
        return new OperatorCommand(actor, operator, why);
    }
}
