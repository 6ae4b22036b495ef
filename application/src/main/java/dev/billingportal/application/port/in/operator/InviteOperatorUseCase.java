package dev.billingportal.application.port.in.operator;

import dev.billingportal.domain.operator.Operator;

public interface InviteOperatorUseCase {

    /**
     * Adds the operator ({@code INVITED}) and mails them a one-time link to the console; every active administrator
     * is told. Administrators only, with a fresh second factor when a person asks (step-up).
     */
    Operator invite(InviteOperatorCommand command);
}
