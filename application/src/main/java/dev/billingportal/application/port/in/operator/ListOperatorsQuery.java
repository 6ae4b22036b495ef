package dev.billingportal.application.port.in.operator;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.operator.Operator;
import java.util.List;

public interface ListOperatorsQuery {

    /** Every operator, by e-mail address. Administrators only. */
    List<Operator> list(Actor actor);

    /** One operator. Administrators only; an unknown id is {@code NotFound}. */
    Operator get(Actor actor, OperatorId operator);
}
