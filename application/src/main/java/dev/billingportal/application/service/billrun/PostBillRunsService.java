package dev.billingportal.application.service.billrun;

import dev.billingportal.application.port.in.billrun.PostBillRunsUseCase;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.BillRuns;
import dev.billingportal.application.port.out.Ledgers;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.billing.RequestFingerprint;
import dev.billingportal.application.service.billing.TransactionPosting;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.billing.Ledger;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunError;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.PortalFailure;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Posts bill runs' lines (spec §14), each exactly as a single posting would ({@link TransactionPosting}). A run is
 * posted a chunk of accounts at a time, chunks side by side on {@code executor}: one unit of work per chunk locks its
 * accounts' ledgers (in one order, so two runs over the same accounts wait for each other rather than deadlock),
 * reads their pending lines only then — so a line another process settled meanwhile is never posted twice —, posts
 * them in file order, settles them and counts them on the run, all committed together; the unit writes its rows a
 * hundred lines at a time ({@link ChunkWrites}), in JDBC batches where the database has round trips to save. A chunk
 * refused as a whole (a line that became invalid since the file was checked) is tried again a line at a time, so one
 * account's bad line holds up no other line. Anything else (the database away, the lease lost) stops the posting here; the run stays
 * {@code POSTING} and is taken up again.
 */
public final class PostBillRunsService implements PostBillRunsUseCase {
    /** Accounts posted in one unit of work: few enough to keep locks short, many enough to write in batches. */
    static final int ACCOUNTS_PER_CHUNK = 32;
    /** Lines whose rows a chunk writes together: enough for full JDBC batches, few enough to keep each flush short. */
    static final int LINES_PER_CHECKPOINT = 100;
    /** Chunks read per page of accounts: the lease is renewed between pages. */
    static final int CHUNKS_PER_PAGE = 16;

    private final UnitOfWork unitOfWork;
    private final BillRuns runs;
    private final Accounts accounts;
    private final Ledgers ledgers;
    private final Transactions transactions;
    private final TransactionPosting posting;
    private final Executor executor;
    private final Duration lease;
    private final Clock clock;
    private final UUID holder = UUID.randomUUID();

    public PostBillRunsService(UnitOfWork unitOfWork, BillRuns runs, Accounts accounts, Ledgers ledgers,
                               Transactions transactions, TransactionPosting posting,
                               Executor executor, Duration lease, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.runs = runs;
        this.accounts = accounts;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.posting = posting;
        this.executor = executor;
        this.lease = lease;
        this.clock = clock;
    }

    @Override
    public boolean postNext() {
        Optional<BillRunId> claimed = unitOfWork.inTransaction(() -> runs.claim(holder, clock.instant(), lease));
        if (claimed.isEmpty()) {
            return false;
        }
        BillRunId run = claimed.get();
        try {
            post(run);
        } finally {
            unitOfWork.inTransaction(() -> runs.release(run, holder));
        }
        return true;
    }

    private void post(BillRunId id) {
        ActorRef by = unitOfWork.inTransaction(() -> runs.find(id)).orElseThrow().createdBy();
        Optional<AccountId> after = Optional.empty();
        while (unitOfWork.inTransaction(() -> runs.renew(id, holder, clock.instant(), lease))) {
            Optional<AccountId> from = after;
            List<AccountId> page = unitOfWork.inTransaction(() -> runs.accountsPending(id, from,
                    ACCOUNTS_PER_CHUNK * CHUNKS_PER_PAGE));
            if (page.isEmpty()) {
                return;
            }
            List<CompletableFuture<Void>> chunks = new ArrayList<>();
            for (int start = 0; start < page.size(); start += ACCOUNTS_PER_CHUNK) {
                List<AccountId> chunk = page.subList(start, Math.min(page.size(), start + ACCOUNTS_PER_CHUNK));
                chunks.add(CompletableFuture.runAsync(() -> postChunk(id, by, chunk), executor));
            }
            try {
                CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
            after = Optional.of(page.getLast());
        }
    }

    private void postChunk(BillRunId run, ActorRef by, List<AccountId> chunk) {
        List<AccountId> ordered = chunk.stream().sorted(Comparator.comparing(AccountId::value)).toList();
        try {
            unitOfWork.inTransaction(() -> {
                ChunkWrites writes = new ChunkWrites();
                Map<BillRuns.Outcome, List<Long>> settled = new EnumMap<>(BillRuns.Outcome.class);
                List<BillRunError> refused = new ArrayList<>();
                for (AccountId account : ordered) {
                    postAccount(run, by, account, writes, settled, refused);
                }
                record(run, settled, refused);
            });
        } catch (PortalFailure refusedAsAWhole) {
            ordered.forEach(account -> postLineByLine(run, by, account));
        }
    }

    /**
     * A chunk's unit of work writes its rows only every {@link #LINES_PER_CHECKPOINT} lines, many postings' rows in one
     * go. Until then its queries do not see them; what they would have to see, the chunk remembers: the keys it posted
     * (a file may send a key twice: the second line is a replay — {@link #postAccount} adds each key it posts to the
     * account's known keys) and the invoice numbers it issued ({@link TransactionPosting.InvoiceNumbers}). An invoice
     * two lines settle needs nothing: the unit holds the row it locked, with the first payment on it, until it writes
     * it.
     */
    private final class ChunkWrites {
        private int lines;

        ChunkWrites() {
            unitOfWork.deferWrites();
        }

        void posted() {
            if (++lines % LINES_PER_CHECKPOINT == 0) {
                unitOfWork.checkpoint();
            }
        }
    }

    /**
     * Posts the account's pending lines in the caller's unit of work; a line refused throws. The keys its lines name
     * that were posted before are read in one query, the invoice numbers they name that were issued before in another,
     * and who hears of its postings once.
     */
    private void postAccount(BillRunId run, ActorRef by, AccountId id, ChunkWrites writes,
                             Map<BillRuns.Outcome, List<Long>> settled, List<BillRunError> refused) {
        Account account = accounts.find(id).orElseThrow();
        Ledger ledger = ledgers.lock(id);
        List<BillRuns.Line> lines = runs.pendingLines(run, id);
        if (lines.isEmpty()) {
            return;
        }
        TransactionPosting.Audience audience = posting.audienceOf(id);
        TransactionPosting.InvoiceNumbers numbers = posting.invoiceNumbersOf(id, lines.stream()
                .flatMap(line -> line.request().invoice().stream()).map(InvoiceDraft::invoiceNumber).toList());
        Map<String, String> posted = new HashMap<>(transactions.fingerprintsByKey(id,
                lines.stream().map(BillRuns.Line::idempotencyKey).toList())); // key -> request fingerprint
        for (BillRuns.Line line : lines) {
            String fingerprint = RequestFingerprint.of(line.request());
            Optional<Boolean> replay = Optional.ofNullable(posted.get(line.idempotencyKey())).map(fingerprint::equals);
            if (replay.isPresent()) {
                settled.computeIfAbsent(replay.get() ? BillRuns.Outcome.REPLAYED : BillRuns.Outcome.REFUSED,
                        ignored -> new ArrayList<>()).add(line.line());
                if (!replay.get()) {
                    refused.add(keyTaken(line));
                }
                continue;
            }
            Transaction transaction = posting.post(account, ledger, line.idempotencyKey(), fingerprint, line.request(),
                    audience, numbers, by, reason(run, line), Optional.of(run), clock.instant());
            ledger = ledger.after(transaction);
            posted.put(line.idempotencyKey(), fingerprint);
            writes.posted();
            settled.computeIfAbsent(BillRuns.Outcome.POSTED, ignored -> new ArrayList<>()).add(line.line());
        }
    }

    /** What the audit says of a line's posting. */
    private static Optional<Reason> reason(BillRunId run, BillRuns.Line line) {
        return Optional.of(new Reason("Bill run " + run + ", line " + line.line()));
    }

    /** Whether the line's key was posted before: with the same request (a replay) or another (refused). */
    private Optional<Boolean> replay(BillRuns.Line line) {
        return transactions.findByIdempotencyKey(line.account(), line.idempotencyKey())
                .map(Transaction::requestFingerprint)
                .map(RequestFingerprint.of(line.request())::equals);
    }

    /** The account's lines one unit of work each, a refused line settled as such: the others still post. */
    private void postLineByLine(BillRunId run, ActorRef by, AccountId account) {
        for (int guard = 0; guard <= BillRun.MAX_LINES; guard++) {
            boolean more;
            try {
                more = unitOfWork.inTransaction(() -> postFirstPending(run, by, account));
            } catch (PortalFailure refused) {
                more = unitOfWork.inTransaction(() -> refuseFirstPending(run, account, refused));
            }
            if (!more) {
                return;
            }
        }
    }

    private boolean postFirstPending(BillRunId run, ActorRef by, AccountId id) {
        Account account = accounts.find(id).orElseThrow();
        Ledger ledger = ledgers.lock(id);
        List<BillRuns.Line> lines = runs.pendingLines(run, id);
        if (lines.isEmpty()) {
            return false;
        }
        BillRuns.Line line = lines.getFirst();
        Map<BillRuns.Outcome, List<Long>> settled = new EnumMap<>(BillRuns.Outcome.class);
        List<BillRunError> refused = new ArrayList<>();
        Optional<Boolean> replay = replay(line);
        if (replay.isPresent()) {
            BillRuns.Outcome outcome = replay.get() ? BillRuns.Outcome.REPLAYED : BillRuns.Outcome.REFUSED;
            settled.put(outcome, List.of(line.line()));
            if (!replay.get()) {
                refused.add(keyTaken(line));
            }
        } else {
            posting.post(account, ledger, line.idempotencyKey(), RequestFingerprint.of(line.request()),
                    line.request(), posting.audienceOf(id), posting.invoiceNumbersOf(id), by, reason(run, line),
                    Optional.of(run), clock.instant());
            settled.put(BillRuns.Outcome.POSTED, List.of(line.line()));
        }
        record(run, settled, refused);
        return lines.size() > 1;
    }

    private boolean refuseFirstPending(BillRunId run, AccountId id, PortalFailure why) {
        ledgers.lock(id);
        List<BillRuns.Line> lines = runs.pendingLines(run, id);
        if (lines.isEmpty()) {
            return false;
        }
        BillRuns.Line line = lines.getFirst();
        record(run, Map.of(BillRuns.Outcome.REFUSED, List.of(line.line())), List.of(error(line.line(), why)));
        return lines.size() > 1;
    }

    /** Settles the lines and counts them on the run, in the caller's unit of work. */
    private void record(BillRunId id, Map<BillRuns.Outcome, List<Long>> settled, List<BillRunError> refused) {
        if (settled.isEmpty()) {
            return;
        }
        settled.forEach((outcome, lines) -> runs.settle(id, lines, outcome));
        BillRun run = runs.lock(id).orElseThrow();
        var now = clock.instant();
        long posted = settled.getOrDefault(BillRuns.Outcome.POSTED, List.of()).size();
        long replayed = settled.getOrDefault(BillRuns.Outcome.REPLAYED, List.of()).size();
        if (posted + replayed > 0) {
            run.progressed(posted, replayed, now);
        }
        refused.forEach(error -> run.lineRefused(error, now));
        runs.update(run);
    }

    private static BillRunError keyTaken(BillRuns.Line line) {
        return new BillRunError(line.line(), "idempotencyKey",
                "was already used for a different request; use a new key for a new transaction");
    }

    /** The line's error as a single posting would report it: its first field and message. */
    private static BillRunError error(long line, PortalFailure why) {
        List<FieldError> errors = switch (why) {
            case InvalidInput invalid -> invalid.errors();
            case RuleViolation violation -> violation.errors();
            case StateConflict conflict -> conflict.errors();
            default -> List.of();
        };
        if (errors.isEmpty()) {
            return new BillRunError(line, "line", why.getMessage());
        }
        String field = errors.getFirst().field().toString();
        return new BillRunError(line, field.isEmpty() ? "line" : field, errors.getFirst().message());
    }
}
