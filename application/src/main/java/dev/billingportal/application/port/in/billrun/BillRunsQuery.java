package dev.billingportal.application.port.in.billrun;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;
import java.io.OutputStream;

/** The provider's bill runs, as they stand (spec §14); whoever may read accounts may read them. */
public interface BillRunsQuery {

    /** The run, or {@code NotFound}. */
    BillRun find(Actor actor, BillRunId id);

    /** The runs, newest first. */
    Page<BillRun> list(Actor actor, PageRequest page);

    /** The run's bad lines as a spreadsheet opens them, written to {@code out}; or {@code NotFound}. */
    void exportErrors(Actor actor, BillRunId id, OutputStream out);
}
