package dev.billingportal.application.service.billrun;

import dev.billingportal.application.port.in.billrun.BillRunFile;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import dev.billingportal.application.port.in.billrun.SubmitBillRunUseCase;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.BillRunLines;
import dev.billingportal.application.port.out.BillRuns;
import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunError;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InputTooLarge;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.PortalFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads and checks a bill run's file (spec §14). The run is recorded first ({@code VALIDATING}, visible to a reader
 * while a large file streams in); its lines are read a slice at a time — never the whole file on the heap — and each
 * slice is checked and stored in a short unit of work of its own, so no transaction waits on the network. A file
 * with any bad line keeps only its report; a good one is left {@code POSTING} for {@link PostBillRunsService}.
 */
public final class SubmitBillRunService implements SubmitBillRunUseCase {
    /** Lines read, checked and stored together. */
    static final int SLICE = 1_000;

    private final UnitOfWork unitOfWork;
    private final BillRuns runs;
    private final Accounts accounts;
    private final Invoices invoices;
    private final Transactions transactions;
    private final AuditLog auditLog;
    private final BillRunLines files;
    private final Runnable posterWakeUp;
    private final Clock clock;

    public SubmitBillRunService(UnitOfWork unitOfWork, BillRuns runs, Accounts accounts, Invoices invoices,
                                Transactions transactions, AuditLog auditLog, BillRunLines files,
                                Runnable posterWakeUp, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.runs = runs;
        this.accounts = accounts;
        this.invoices = invoices;
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.files = files;
        this.posterWakeUp = posterWakeUp;
        this.clock = clock;
    }

    @Override
    public BillRun submit(Actor actor, BillRunFile file) {
        ProviderAccessPolicy.require(actor, Permission.POST_BILLING); // before a byte of the file is read
        return submit(actor, files.read(file));
    }

    @Override
    public BillRun submit(Actor actor, Iterator<BillRunLineInput> lines) {
        ProviderAccessPolicy.require(actor, Permission.POST_BILLING);
        Instant now = clock.instant();
        BillRun run = BillRun.validating(BillRunId.random(), actor.ref(), now);
        unitOfWork.inTransaction(() -> runs.add(run));
        BillRunValidation validation = new BillRunValidation(accounts, invoices, transactions, actor, now);
        List<BillRunError> errors = new ArrayList<>();
        long count = 0;
        try {
            List<BillRunLineInput> slice = new ArrayList<>(SLICE);
            while (lines.hasNext()) {
                BillRunLineInput line = lines.next();
                if (++count > BillRun.MAX_LINES) {
                    throw InputTooLarge.lines(BillRun.MAX_LINES);
                }
                slice.add(line);
                if (slice.size() == SLICE) {
                    check(run, validation, slice, errors);
                    slice.clear();
                }
            }
            check(run, validation, slice, errors);
        } catch (PortalFailure unreadable) {
            fail(run, unreadable, count);
            throw unreadable;
        }
        long read = count;
        unitOfWork.inTransaction(() -> {
            run.validated(read, errors, clock.instant());
            if (run.status() == BillRun.Status.REJECTED) {
                runs.deleteLines(run.id());
            }
            runs.update(run);
            auditLog.record(AuditEvent.about(new AuditSubject(AuditSubject.Kind.BILL_RUN, run.id().value(),
                            read + " lines, " + run.status().name()), Optional.empty(), actor,
                    AuditAction.BILL_RUN_SUBMITTED, List.of(), now));
            if (run.status() == BillRun.Status.POSTING) {
                unitOfWork.afterCommit(posterWakeUp);
            }
        });
        return run;
    }

    /** Checks a slice of lines; while the file has no bad line, stores the slice's postings. */
    private void check(BillRun run, BillRunValidation validation, List<BillRunLineInput> slice,
                       List<BillRunError> errors) {
        if (slice.isEmpty()) {
            return;
        }
        boolean clean = errors.isEmpty();
        unitOfWork.inTransaction(() -> {
            validation.startSlice(slice);
            List<BillRuns.Line> valid = new ArrayList<>(slice.size());
            for (BillRunLineInput line : slice) {
                for (BillRunError error : validation.check(line, ok -> valid.add(new BillRuns.Line(ok.line(),
                        ok.account().id(), ok.command().idempotencyKey(), ok.command().request())))) {
                    if (errors.size() < BillRun.MAX_ERRORS) {
                        errors.add(error);
                    }
                }
            }
            if (errors.isEmpty()) {
                runs.addLines(run.id(), valid);
            } else if (clean) {
                runs.deleteLines(run.id()); // the file's first bad line: what was stored will never be posted
            }
        });
    }

    /** The file itself failed: the run says so, and keeps no line. */
    private void fail(BillRun run, PortalFailure why, long line) {
        FieldError first = why instanceof InvalidInput invalid && !invalid.errors().isEmpty()
                ? invalid.errors().getFirst() : FieldError.of("body", why.getMessage());
        unitOfWork.inTransaction(() -> {
            runs.deleteLines(run.id());
            run.failed(first.field().toString(), first.message(), line, clock.instant());
            runs.update(run);
        });
    }
}
