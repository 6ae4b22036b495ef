package dev.billingportal.application.service.access;

import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.operator.Operator;

/** How the audit names an operator an entry is about: by id and e-mail address. */
public final class OperatorAudit {
    private OperatorAudit() {
    }

    public static AuditSubject subject(Operator operator) {
        return new AuditSubject(AuditSubject.Kind.OPERATOR, operator.id().value(), operator.email().value());
    }
}
