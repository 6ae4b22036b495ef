package dev.billingportal.application.port.in.audit;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.audit.AuditEvent;

public interface ListProviderAuditQuery {

    /**
     * The provider's audit (spec §11), newest first, one page at a time: what the provider's side did, and what
     * concerns it (operators' sign-ins, enrolments, resets, keys, roles). Every role of the provider may read it.
     */
    Page<AuditEvent> list(Actor actor, AuditLog.ProviderFilter filter, PageRequest page);
}
