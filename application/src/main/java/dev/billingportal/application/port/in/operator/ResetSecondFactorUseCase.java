package dev.billingportal.application.port.in.operator;

import dev.billingportal.domain.operator.Operator;

public interface ResetSecondFactorUseCase {

    /**
     * Clears the operator's authenticator, recovery codes and passkeys and ends their sessions: they enrol again at
     * their next sign-in (a lost phone). Administrators only, with step-up; every active administrator is told.
     */
    Operator resetSecondFactor(OperatorCommand command);
}
