package dev.billingportal.application.port.in.billrun;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;

/** The provider's bill runs, as they stand (spec §14); whoever may read accounts may read them. */
public interface BillRunsQuery {

    /** The run, or {@code NotFound}. */
    BillRun find(Actor actor, BillRunId id);

    /** The runs, newest first. */
    Page<BillRun> list(Actor actor, PageRequest page);
}
