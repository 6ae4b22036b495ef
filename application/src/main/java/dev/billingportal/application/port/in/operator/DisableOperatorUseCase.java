package dev.billingportal.application.port.in.operator;

import dev.billingportal.domain.operator.Operator;

public interface DisableOperatorUseCase {

    /**
     * Disables the operator: they cannot sign in and their sessions end at once. Never the last active administrator.
     * Administrators only; every active administrator is told.
     */
    Operator disable(OperatorCommand command);
}
