package dev.billingportal.testing;

import dev.billingportal.application.port.out.BillRuns;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Bill runs in memory; a run's lines by number, each with its outcome once settled. */
public final class InMemoryBillRuns implements BillRuns {
    private record Stored(BillRun run, Optional<UUID> holder, Optional<Instant> until) {
    }

    private record StoredLine(Line line, Optional<Outcome> outcome) {
    }

    private final Map<BillRunId, Stored> runs = new HashMap<>();
    private final Map<BillRunId, TreeMap<Long, StoredLine>> lines = new HashMap<>();

    @Override
    public synchronized void add(BillRun run) {
        runs.put(run.id(), new Stored(copy(run), Optional.empty(), Optional.empty()));
    }

    @Override
    public synchronized Optional<BillRun> find(BillRunId id) {
        return Optional.ofNullable(runs.get(id)).map(stored -> copy(stored.run()));
    }

    @Override
    public Optional<BillRun> lock(BillRunId id) {
        return find(id);
    }

    @Override
    public synchronized void update(BillRun run) {
        Stored stored = runs.get(run.id());
        runs.put(run.id(), new Stored(copy(run), stored.holder(), stored.until()));
    }

    @Override
    public synchronized List<BillRun> list(Optional<Position> after, int limit) {
        Comparator<BillRun> newestFirst = Comparator.comparing(BillRun::createdAt)
                .thenComparing(run -> run.id().value().toString()).reversed();
        return runs.values().stream().map(Stored::run)
                .filter(run -> after.isEmpty() || newestFirst.compare(run, marker(after.get())) > 0)
                .sorted(newestFirst).limit(limit).map(InMemoryBillRuns::copy).toList();
    }

    private static BillRun marker(Position position) {
        return BillRun.reconstitute(position.id(), new ActorRef(ActorKind.SYSTEM, Optional.empty(), "-"),
                position.createdAt(), BillRun.Status.DONE, 0, 0, 0, 0, List.of(), Optional.empty());
    }

    @Override
    public synchronized void addLines(BillRunId run, List<Line> added) {
        TreeMap<Long, StoredLine> stored = lines.computeIfAbsent(run, ignored -> new TreeMap<>());
        for (Line line : added) {
            if (stored.putIfAbsent(line.line(), new StoredLine(line, Optional.empty())) != null) {
                throw new IllegalStateException("line " + line.line() + " stored twice");
            }
        }
    }

    @Override
    public synchronized void deleteLines(BillRunId run) {
        lines.remove(run);
    }

    @Override
    public synchronized Optional<BillRunId> claim(UUID holder, Instant now, Duration lease) {
        Optional<Stored> free = runs.values().stream()
                .filter(stored -> stored.run().status() == BillRun.Status.POSTING)
                .filter(stored -> stored.until().isEmpty() || !stored.until().get().isAfter(now))
                .min(Comparator.comparing(stored -> stored.run().createdAt()));
        free.ifPresent(stored -> runs.put(stored.run().id(), new Stored(stored.run(), Optional.of(holder),
                Optional.of(now.plus(lease)))));
        return free.map(stored -> stored.run().id());
    }

    @Override
    public synchronized boolean renew(BillRunId run, UUID holder, Instant now, Duration lease) {
        Stored stored = runs.get(run);
        if (stored == null || !stored.holder().equals(Optional.of(holder))
                || stored.run().status() != BillRun.Status.POSTING) {
            return false;
        }
        runs.put(run, new Stored(stored.run(), stored.holder(), Optional.of(now.plus(lease))));
        return true;
    }

    @Override
    public synchronized void release(BillRunId run, UUID holder) {
        Stored stored = runs.get(run);
        if (stored != null && stored.holder().equals(Optional.of(holder))) {
            runs.put(run, new Stored(stored.run(), Optional.empty(), Optional.empty()));
        }
    }

    @Override
    public synchronized List<AccountId> accountsPending(BillRunId run, Optional<AccountId> after, int limit) {
        return lines.getOrDefault(run, new TreeMap<>()).values().stream()
                .filter(line -> line.outcome().isEmpty()).map(line -> line.line().account()).distinct()
                .sorted(Comparator.comparing(account -> account.value().toString()))
                .filter(account -> after.isEmpty()
                        || account.value().toString().compareTo(after.get().value().toString()) > 0)
                .limit(limit).toList();
    }

    @Override
    public synchronized List<Line> pendingLines(BillRunId run, AccountId account) {
        return lines.getOrDefault(run, new TreeMap<>()).values().stream()
                .filter(line -> line.outcome().isEmpty() && line.line().account().equals(account))
                .map(StoredLine::line).toList();
    }

    @Override
    public synchronized void settle(BillRunId run, List<Long> numbers, Outcome outcome) {
        TreeMap<Long, StoredLine> stored = lines.get(run);
        for (long number : numbers) { // all checked first: a unit of work refused here changes nothing
            StoredLine line = stored.get(number);
            if (line == null || line.outcome().isPresent()) {
                throw new IllegalStateException("line " + number + " is not pending");
            }
        }
        for (long number : numbers) {
            stored.put(number, new StoredLine(stored.get(number).line(), Optional.of(outcome)));
        }
    }

    /** How each line of the run was settled (pending lines: none), for tests. */
    public synchronized Map<Long, Optional<Outcome>> outcomes(BillRunId run) {
        Map<Long, Optional<Outcome>> outcomes = new TreeMap<>();
        lines.getOrDefault(run, new TreeMap<>()).forEach((number, line) -> outcomes.put(number, line.outcome()));
        return outcomes;
    }

    private static BillRun copy(BillRun run) {
        return BillRun.reconstitute(run.id(), run.createdBy(), run.createdAt(), run.status(), run.lines(),
                run.posted(), run.replayed(), run.failed(), new ArrayList<>(run.errors()), run.finishedAt());
    }
}
