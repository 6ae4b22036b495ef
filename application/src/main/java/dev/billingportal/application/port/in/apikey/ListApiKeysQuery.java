package dev.billingportal.application.port.in.apikey;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.operator.ApiKey;
import java.util.List;

public interface ListApiKeysQuery {

    /** Every key, newest first, with its last use and creator — never a secret. Administrators only. */
    List<ApiKey> list(Actor actor);
}
