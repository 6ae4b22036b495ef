package dev.billingportal.application.port.in.billrun;

/**
 * Posts the lines of the bill runs waiting to be posted, in any process of the portal (spec §14): a run is taken
 * under a lease, so one process posts it at a time, and one whose process died is taken over when its lease runs out.
 */
public interface PostBillRunsUseCase {

    /** Takes a run waiting to be posted, if there is one, and posts its pending lines; false when none was waiting. */
    boolean postNext();
}
