package dev.billingportal.application.port.in.operator;

import dev.billingportal.domain.operator.Operator;

public interface ChangeOperatorRoleUseCase {

    /**
     * Gives the operator the new role. The last active administrator keeps theirs ({@code At least one active
     * administrator must remain.}). Administrators only, with step-up; every active administrator is told.
     */
    Operator changeRole(ChangeOperatorRoleCommand command);
}
