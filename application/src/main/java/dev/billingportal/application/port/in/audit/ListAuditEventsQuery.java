package dev.billingportal.application.port.in.audit;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditEvent;

public interface ListAuditEventsQuery {

    /** The account's audit log, newest first, one page at a time. */
    Page<AuditEvent> list(Actor actor, AccountId account, PageRequest page);
}
