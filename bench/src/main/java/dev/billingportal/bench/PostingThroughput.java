package dev.billingportal.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Goal 3: transactions posted per second through the API (idempotency key, account lock, sequence, running
 * balance, billing event, a delivery and an outbox entry per recipient, one commit) against the same rows written by
 * hand over JDBC in one transaction per posting ({@link RawJdbc.Poster}), on the same database; and, as a reference
 * line, against a bare insert of the transaction row alone, one commit each. The same number of threads on every
 * side, each on an account of its own with {@value BenchSettings#POSTING_RECIPIENTS} recipients.
 */
final class PostingThroughput {
    private ClosedLoop.Result api;
    private ClosedLoop.Result sameWrites;
    private ClosedLoop.Result raw;
    private Duration drained;
    private JitSettling sameWritesWarmUp;
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

    /** The posting's rows by hand: the goal's baseline. */
    void measureSameWrites(RawJdbc jdbc, List<PortalClient.Member> accounts, BenchSettings settings)
            throws Exception {
        List<RawJdbc.Poster> posters = new ArrayList<>();
        try {
            for (PortalClient.Member account : accounts) {
                posters.add(jdbc.poster(UUID.fromString(account.accountId())));
            }
            AtomicLong keys = new AtomicLong();
            ClosedLoop.Operation post = (worker, n) -> {
                int recorded = posters.get(worker).post(keys.incrementAndGet());
                if (recorded != BenchSettings.POSTING_RECIPIENTS) {
                    throw new IllegalStateException("a raw posting recorded " + recorded + " deliveries");
                }
            };
            sameWritesWarmUp = JitSettling.run("the posting's rows by hand", JitActivity::ownCompileTime,
                    Duration.ofSeconds(1), warmupRounds(settings),
                    settings.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(60),
                    () -> ClosedLoop.run(settings.postingThreads(), Duration.ofSeconds(1), post));
            sameWrites = ClosedLoop.run(settings.postingThreads(), settings.postingTime(), post);
        } finally {
            for (RawJdbc.Poster poster : posters) {
                poster.close();
            }
        }
    }

    /** The transaction row alone, insert + commit: the reference line. */
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

    ClosedLoop.Result api() {
        return api;
    }

    ClosedLoop.Result sameWrites() {
        return sameWrites;
    }

    ClosedLoop.Result insertOnly() {
        return raw;
    }

    void report(Report report, BenchSettings settings) {
        double ratio = api.perSecond() / sameWrites.perSecond();
        report.ratio("posting through the API / the same rows written by hand over JDBC",
                Report.rate(api.perSecond(), "transactions"), Report.rate(sameWrites.perSecond(), "postings")
                        + " (JDBC)", ratio, "≥ 0.7", ratio >= 0.7);
        report.reference("posting through the API / raw JDBC insert + commit of the transaction row alone",
                Report.rate(api.perSecond(), "transactions"), Report.rate(raw.perSecond(), "inserts") + " (JDBC)",
                api.perSecond() / raw.perSecond());
        report.section("Posting", List.of(
                settings.postingThreads() + " threads, " + settings.postingTime().toSeconds() + " s each after a"
                        + " warm-up, each on an account of its own with " + BenchSettings.POSTING_RECIPIENTS
                        + " users who want billing notifications",
                "API: " + api.completed() + " transactions posted; latency " + api.latencies(),
                "the same rows by hand (account row locked, idempotency key looked up, recipients read; transaction,"
                        + " account's sequence and balance, event, " + BenchSettings.POSTING_RECIPIENTS
                        + " deliveries and outbox entries; one commit): " + sameWrites.completed()
                        + " postings; latency " + sameWrites.latencies() + " (warmed in the bench's JVM: "
                        + sameWritesWarmUp + ")",
                "raw JDBC: " + raw.completed() + " rows inserted and committed; latency " + raw.latencies() + " ("
                        + "warmed in the bench's JVM: " + rawWarmUp + ")",
                "the " + api.completed() * BenchSettings.POSTING_RECIPIENTS + " billing-notification mails of the"
                        + " API run reached the sink "
                        + drained.toMillis() + " ms after posting ended"));
    }
}
