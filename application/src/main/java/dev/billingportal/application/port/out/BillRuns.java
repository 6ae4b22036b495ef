package dev.billingportal.application.port.out;

import dev.billingportal.application.port.in.billing.TransactionRequest;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bill runs and their lines (spec §14). A run's lines are stored once its file has been checked, each with the
 * transaction it posts and its state: a line is settled (posted, replayed or refused) in the same unit of work as its
 * transaction, so a run interrupted anywhere resumes with exactly the lines still pending. One process at a time
 * posts a run, under a lease it renews; a lease that runs out (the process died) lets another take the run over.
 */
public interface BillRuns {

    /** A line to post: its number in the file, its account, its idempotency key and the transaction it describes. */
    record Line(long line, AccountId account, String idempotencyKey, TransactionRequest request) {
    }

    /** How a line was settled. */
    enum Outcome {
        POSTED, REPLAYED, REFUSED
    }

    /** Where a page of runs ends: newest first by (createdAt, id). */
    record Position(Instant createdAt, BillRunId id) {
    }

    void add(BillRun run);

    Optional<BillRun> find(BillRunId id);

    /** Reads a run and locks it until the unit of work ends. */
    Optional<BillRun> lock(BillRunId id);

    /** Writes a run's status, counts, errors and end. */
    void update(BillRun run);

    /** Runs newest first, {@code limit} of them after {@code after}. */
    List<BillRun> list(Optional<Position> after, int limit);

    /** Stores checked lines, pending, in the caller's unit of work. */
    void addLines(BillRunId run, List<Line> lines);

    /** Forgets a run's lines (a rejected file posts nothing, so keeps nothing). */
    void deleteLines(BillRunId run);

    /**
     * Takes a {@code POSTING} run nobody holds (or whose holder's lease ran out) for {@code holder} until
     * {@code now + lease}; the oldest first.
     */
    Optional<BillRunId> claim(UUID holder, Instant now, Duration lease);

    /** Extends the holder's lease; false when it is no longer the holder (the run was taken over or is finished). */
    boolean renew(BillRunId run, UUID holder, Instant now, Duration lease);

    /** Gives the run up (its posting stopped early, or it is finished). */
    void release(BillRunId run, UUID holder);

    /** Accounts with pending lines in the run, by id, {@code limit} of them after {@code after}. */
    List<AccountId> accountsPending(BillRunId run, Optional<AccountId> after, int limit);

    /** The account's pending lines in the run, in file order; read after its ledger is locked, so current. */
    List<Line> pendingLines(BillRunId run, AccountId account);

    /** Settles lines in the caller's unit of work. */
    void settle(BillRunId run, List<Long> lines, Outcome outcome);
}
