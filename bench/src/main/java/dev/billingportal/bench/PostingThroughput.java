package dev.billingportal.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Goal 3: transactions posted per second through the API (idempotency key, account lock, sequence, running
 * balance, outbox entry, notification rows, one commit) against bare JDBC inserts of the same row, one commit
 * each, on the same database file. The same number of threads on both sides, each on an account of its own.
 */
final class PostingThroughput {
    private ClosedLoop.Result api;
    private ClosedLoop.Result raw;
    private Duration drained;
    private JitSettling rawWarmUp;

    void measureApi(PortalClient client, List<PortalClient.Member> accounts, AtomicLong ids, BenchSettings settings)
            throws InterruptedException {
        ClosedLoop.Operation post = (worker, n) -> client.postPayment(accounts.get(worker).accountId(),
                ids.incrementAndGet());
        ClosedLoop.run(settings.postingThreads(), warmup(settings), post);
        api = ClosedLoop.run(settings.postingThreads(), settings.postingTime(), post);
    }

    /** How long the notification mails of the posting run took to reach the sink after it ended. */
    void drained(Duration duration) {
        drained = duration;
    }

    void measureRaw(RawJdbc jdbc, List<PortalClient.Member> accounts, BenchSettings settings) throws Exception {
        List<RawJdbc.Inserter> inserters = new ArrayList<>();
        try {
            for (PortalClient.Member account : accounts) {
                inserters.add(jdbc.inserter(UUID.fromString(account.accountId())));
            }
            AtomicLong sequence = new AtomicLong(1_000_000_000L); // far above anything posted, per account unique
            ClosedLoop.Operation insert = (worker, n) -> inserters.get(worker).insertAndCommit(sequence.incrementAndGet());
            rawWarmUp = JitSettling.run("raw JDBC insert + commit", JitActivity::ownCompileTime, Duration.ofSeconds(1),
                    warmupRounds(settings), settings.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(60),
                    () -> ClosedLoop.run(settings.postingThreads(), Duration.ofSeconds(1), insert));
            raw = ClosedLoop.run(settings.postingThreads(), settings.postingTime(), insert);
        } finally {
            for (RawJdbc.Inserter inserter : inserters) {
                inserter.close();
            }
        }
    }

    private static Duration warmup(BenchSettings settings) {
        return settings.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
    }

    /** One-second rounds: at least as long as the portal's own warm-up before its measured run. */
    private static int warmupRounds(BenchSettings settings) {
        return (int) warmup(settings).toSeconds();
    }

    void report(Report report, BenchSettings settings) {
        double ratio = api.perSecond() / raw.perSecond();
        report.ratio("posting through the API / raw JDBC insert + commit", Report.rate(api.perSecond(), "transactions"),
                Report.rate(raw.perSecond(), "inserts") + " (JDBC)", ratio, "≥ 0.5", ratio >= 0.5);
        report.section("Posting", List.of(
                settings.postingThreads() + " threads, " + settings.postingTime().toSeconds() + " s each after a warm-up",
                "API: " + api.completed() + " transactions posted; latency " + api.latencies(),
                "raw JDBC: " + raw.completed() + " rows inserted and committed; latency " + raw.latencies() + " ("
                        + "warmed in the bench's JVM: " + rawWarmUp + ")",
                "the " + api.completed() + " billing-notification mails of the API run reached the sink "
                        + drained.toMillis() + " ms after posting ended"));
    }
}
