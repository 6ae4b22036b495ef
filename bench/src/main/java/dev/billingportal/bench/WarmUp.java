package dev.billingportal.bench;

import dev.billingportal.application.service.paging.KeysetCursor;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings the portal to its steady state before anything is measured: rounds of its whole workload (history
 * pages, postings, billing-notification mails) until its JIT compilers spend less than a tenth of two rounds
 * in a row compiling. A fresh portal compiles for a minute or more (tens of thousands of methods: Jersey,
 * EclipseLink, H2, Artemis, Jakarta Mail), on the same two cores the measurements need. Each baseline warms
 * the same way in the bench's own JVM ({@link BaselineWarmUp}).
 */
final class WarmUp {
    /** Compiling for less than this share of a round's time counts as settled. */
    private static final double SETTLED = 0.10;
    private static final int HISTORY_PAGES = 300;
    private static final int HISTORY_PAGE_ROWS = 50;
    private static final int FAN_OUT_POSTS = 20;

    private final BenchSettings settings;
    private int rounds;
    private Duration took = Duration.ZERO;
    private double lastShare = Double.NaN;
    private Duration compileTime = Duration.ZERO;

    WarmUp(BenchSettings settings) {
        this.settings = settings;
    }

    void run(MeasuredProcess process, PortalClient client, PortalClient.Member history, long lastSequence,
             List<PortalClient.Member> posting, PortalClient.Member mail, SmtpSink sink, AtomicLong ids)
            throws InterruptedException {
        Duration limit = settings.quick() ? Duration.ofSeconds(10) : Duration.ofMinutes(4);
        long started = System.nanoTime();
        if (lastSequence == 0) { // no history was generated (--only): give the pages rows to read
            for (int i = 0; i < 2 * HISTORY_PAGE_ROWS; i++) {
                client.postPayment(history.accountId(), ids.incrementAndGet());
            }
            sink.awaitAccepted(sink.accepted() + 2 * HISTORY_PAGE_ROWS, Duration.ofMinutes(1));
            lastSequence = 2 * HISTORY_PAGE_ROWS;
        }
        String deepCursor = KeysetCursor.encode(Long.toString(lastSequence / 2));
        Duration compiled = JitActivity.compileTime(process.pid());
        int quietRounds = 0; // two in a row: a compilation counts only once it finishes
        do {
            long roundStarted = System.nanoTime();
            for (int i = 0; i < HISTORY_PAGES; i++) {
                client.historyPage(history, i % 2 == 0 ? null : deepCursor);
            }
            long mailsExpected = sink.accepted();
            long idsBefore = ids.get();
            ClosedLoop.run(posting.size(), Duration.ofSeconds(2),
                    (worker, n) -> client.postPayment(posting.get(worker).accountId(), ids.incrementAndGet()));
            mailsExpected += ids.get() - idsBefore;
            ClosedLoop.times(2, FAN_OUT_POSTS, (worker, n) -> client.postPayment(mail.accountId(), ids.incrementAndGet()));
            mailsExpected += (long) FAN_OUT_POSTS * settings.mailRecipients();
            if (!sink.awaitAccepted(mailsExpected, Duration.ofMinutes(2))) {
                throw new IllegalStateException("the warm-up's mails did not arrive");
            }
            Duration nowCompiled = JitActivity.compileTime(process.pid());
            long roundNanos = System.nanoTime() - roundStarted;
            lastShare = (nowCompiled.toNanos() - compiled.toNanos()) / (double) roundNanos;
            compiled = nowCompiled;
            rounds++;
            quietRounds = lastShare < SETTLED ? quietRounds + 1 : 0;
            System.out.printf(Locale.ROOT, "[bench] warm-up round %d: %.1f s, JIT %.1f %%%n", rounds, roundNanos / 1e9,
                    lastShare * 100);
        } while (quietRounds < 2 && System.nanoTime() - started < limit.toNanos());
        took = Duration.ofNanos(System.nanoTime() - started);
        compileTime = compiled;
    }

    void report(Report report) {
        report.section("Warm-up", List.of(String.format(Locale.ROOT, "before the measures, %d round(s) of the whole"
                        + " workload (%d history pages, postings on %d threads for 2 s, %d posts fanned out to %d"
                        + " recipients) in %.0f s, until the portal's JIT compiled for less than %.0f %% of two rounds in a row"
                        + " (last round: %.1f %%; %.1f s of compiling since the start)", rounds, HISTORY_PAGES,
                settings.postingThreads(), FAN_OUT_POSTS, settings.mailRecipients(), took.toMillis() / 1000.0,
                SETTLED * 100, lastShare * 100, compileTime.toMillis() / 1000.0)));
    }
}
