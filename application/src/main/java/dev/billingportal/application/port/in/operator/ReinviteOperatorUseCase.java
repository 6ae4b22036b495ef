package dev.billingportal.application.port.in.operator;

public interface ReinviteOperatorUseCase {

    /** Mails an invited operator a new link (the old one stops working). Administrators only. */
    void reinvite(OperatorCommand command);
}
