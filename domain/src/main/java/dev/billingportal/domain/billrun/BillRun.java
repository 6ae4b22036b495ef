package dev.billingportal.domain.billrun;

import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.failure.StateConflict;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A month's postings sent as one file (spec §14). The whole file is validated before anything is posted: a file with
 * any bad line is {@code REJECTED} and posts nothing; otherwise the run is {@code POSTING}, each line posted exactly
 * as if alone (a line whose idempotency key was already used counted as replayed), then {@code DONE}. {@code FAILED}
 * is for a run that could not post everything: its file could not be read to the end, or a line valid when the file
 * was checked was refused when its turn came (a single posting took its invoice number meanwhile) — the run's errors
 * name those lines; every other line is posted.
 */
public final class BillRun {
    /** The most lines one file may hold. */
    public static final int MAX_LINES = 100_000;
    /** The largest file, in bytes (64 MiB). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    /** How many line errors a report keeps: enough to fix a file, never a second copy of a broken one. */
    public static final int MAX_ERRORS = 1_000;

    /** Where a run stands. */
    public enum Status {
        VALIDATING, REJECTED, POSTING, DONE, FAILED;

        /** Whether nothing more will happen to the run. */
        public boolean finished() {
            return this == REJECTED || this == DONE || this == FAILED;
        }
    }

    private final BillRunId id;
    private final ActorRef createdBy;
    private final Instant createdAt;
    private Status status;
    private long lines;
    private long posted;
    private long replayed;
    private long failed;
    private List<BillRunError> errors;
    private Optional<Instant> finishedAt;

    private BillRun(BillRunId id, ActorRef createdBy, Instant createdAt, Status status, long lines, long posted,
                    long replayed, long failed, List<BillRunError> errors, Optional<Instant> finishedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = Objects.requireNonNull(status, "status");
        this.lines = lines;
        this.posted = posted;
        this.replayed = replayed;
        this.failed = failed;
        this.errors = List.copyOf(errors);
        this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** A run whose file is being read and checked; {@code createdBy}: the operator or key that sent it. */
    public static BillRun validating(BillRunId id, ActorRef createdBy, Instant now) {
        return new BillRun(id, createdBy, now, Status.VALIDATING, 0, 0, 0, 0, List.of(),
                Optional.empty());
    }

    public static BillRun reconstitute(BillRunId id, ActorRef createdBy, Instant createdAt, Status status, long lines,
                                       long posted, long replayed, long failed, List<BillRunError> errors,
                                       Optional<Instant> finishedAt) {
        return new BillRun(id, createdBy, createdAt, status, lines, posted, replayed, failed, errors, finishedAt);
    }

    /**
     * The file was read to its end with {@code lines} lines: with no error the run goes on to posting; with any, it is
     * rejected with the first {@value #MAX_ERRORS} of them, in line order, and nothing is posted.
     */
    public void validated(long lines, List<BillRunError> errors, Instant now) {
        require(Status.VALIDATING, "validated");
        if (lines < 0 || lines > MAX_LINES) {
            throw new IllegalArgumentException("a run has 0 to " + MAX_LINES + " lines");
        }
        this.lines = lines;
        if (errors.isEmpty()) {
            status = lines == 0 ? Status.DONE : Status.POSTING;
            finishedAt = lines == 0 ? Optional.of(now) : Optional.empty();
            return;
        }
        this.errors = errors.stream().sorted(Comparator.comparingLong(BillRunError::line))
                .limit(MAX_ERRORS).toList();
        status = Status.REJECTED;
        finishedAt = Optional.of(now);
    }

    /** A chunk of lines was posted: {@code posted} new transactions, {@code replayed} lines already posted before. */
    public void progressed(long posted, long replayed, Instant now) {
        require(Status.POSTING, "posted");
        if (posted < 0 || replayed < 0 || posted + replayed > remaining()) {
            throw new IllegalArgumentException("more lines posted than the run has");
        }
        this.posted += posted;
        this.replayed += replayed;
        finishIfComplete(now);
    }

    /**
     * A line valid when the file was checked was refused when its turn came; the others go on. Once every line is
     * settled, a run with such a line is {@code FAILED}, its errors naming them.
     */
    public void lineRefused(BillRunError error, Instant now) {
        require(Status.POSTING, "posted");
        if (remaining() == 0) {
            throw new IllegalArgumentException("more lines settled than the run has");
        }
        failed++;
        if (errors.size() < MAX_ERRORS) {
            List<BillRunError> more = new java.util.ArrayList<>(errors);
            more.add(error);
            more.sort(Comparator.comparingLong(BillRunError::line));
            errors = List.copyOf(more);
        }
        finishIfComplete(now);
    }

    private void finishIfComplete(Instant now) {
        if (remaining() == 0) {
            status = failed == 0 ? Status.DONE : Status.FAILED;
            finishedAt = Optional.of(now);
        }
    }

    /** The run cannot go on; what was posted stays posted. */
    public void failed(String field, String message, long line, Instant now) {
        if (status.finished()) {
            throw new StateConflict("bill-run-finished", "The bill run has already finished.");
        }
        errors = List.of(new BillRunError(Math.max(1, line), field, message));
        status = Status.FAILED;
        finishedAt = Optional.of(now);
    }

    private void require(Status expected, String what) {
        if (status != expected) {
            throw new StateConflict("bill-run-" + status.name().toLowerCase(Locale.ROOT),
                    "A bill run that is " + status.name().toLowerCase(Locale.ROOT) + " cannot be " + what
                            + ".");
        }
    }

    /** Lines neither posted, replayed nor refused yet. */
    public long remaining() {
        return lines - posted - replayed - failed;
    }

    public BillRunId id() {
        return id;
    }

    /** Who sent the file; its lines are posted in their name. */
    public ActorRef createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public long lines() {
        return lines;
    }

    public long posted() {
        return posted;
    }

    public long replayed() {
        return replayed;
    }

    /** Lines refused when their turn came (see {@link #lineRefused}). */
    public long failed() {
        return failed;
    }

    public List<BillRunError> errors() {
        return errors;
    }

    public Optional<Instant> finishedAt() {
        return finishedAt;
    }
}
