package dev.billingportal.application.port.in.billrun;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.billrun.BillRun;
import java.util.Iterator;

/**
 * The provider sends a bill run's file (spec §14): its lines are read as they come and checked, every one, before
 * anything is posted. A file with a bad line comes back {@code REJECTED} with its report; a good one comes back
 * {@code POSTING}, its lines posted afterwards by {@link PostBillRunsUseCase}. The billing and admin roles may.
 */
public interface SubmitBillRunUseCase {

    /**
     * Reads {@code lines} to their end. A failure of the file itself ({@code InputTooLarge} past the limits, an
     * unreadable body) is thrown to the caller after the run is recorded {@code FAILED}, nothing posted.
     */
    BillRun submit(Actor actor, Iterator<BillRunLineInput> lines);

    /** The same for a file as sent, read line by line as it is checked. */
    BillRun submit(Actor actor, BillRunFile file);
}
