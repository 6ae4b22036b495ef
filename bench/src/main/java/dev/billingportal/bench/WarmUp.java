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
 * the same way in the bench's own JVM ({@link JitSettling}).
 */
final class WarmUp {
    private static final int HISTORY_PAGES = 300;
    private static final int HISTORY_PAGE_ROWS = 50;
    private static final int FAN_OUT_POSTS = 20;

    private final BenchSettings settings;
    private JitSettling settling;

    WarmUp(BenchSettings settings) {
        this.settings = settings;
    }

    void run(MeasuredProcess process, PortalClient client, PortalClient.Member history, long lastSequence,
             List<PortalClient.Member> posting, PortalClient.Member mail, SmtpSink sink, AtomicLong ids)
            throws Exception {
        Duration limit = settings.quick() ? Duration.ofSeconds(10) : Duration.ofMinutes(4);
        if (lastSequence == 0) { // no history was generated (--only): give the pages rows to read
            for (int i = 0; i < 2 * HISTORY_PAGE_ROWS; i++) {
                client.postPayment(history.accountId(), ids.incrementAndGet());
            }
            sink.awaitAccepted(sink.accepted() + 2 * HISTORY_PAGE_ROWS, Duration.ofMinutes(1));
            lastSequence = 2 * HISTORY_PAGE_ROWS;
        }
        String deepCursor = KeysetCursor.encode(Long.toString(lastSequence / 2));
        settling = JitSettling.run("the portal", () -> JitActivity.compileTime(process.pid()), Duration.ZERO, 1,
                limit, () -> {
                    for (int i = 0; i < HISTORY_PAGES; i++) {
                        client.historyPage(history, i % 2 == 0 ? null : deepCursor);
                    }
                    long mailsExpected = sink.accepted();
                    long idsBefore = ids.get();
                    ClosedLoop.run(posting.size(), Duration.ofSeconds(2), (worker, n) ->
                            client.postPayment(posting.get(worker).accountId(), ids.incrementAndGet()));
                    mailsExpected += (ids.get() - idsBefore) * BenchSettings.POSTING_RECIPIENTS;
                    ClosedLoop.times(2, FAN_OUT_POSTS, (worker, n) ->
                            client.postPayment(mail.accountId(), ids.incrementAndGet()));
                    mailsExpected += (long) FAN_OUT_POSTS * settings.mailRecipients();
                    if (!sink.awaitAccepted(mailsExpected, Duration.ofMinutes(2))) {
                        throw new IllegalStateException("the warm-up's mails did not arrive");
                    }
                });
    }

    void report(Report report) {
        report.section("Warm-up", List.of(String.format(Locale.ROOT, "before the measures, rounds of the portal's"
                        + " whole workload (%d history pages, postings on %d threads for 2 s, %d posts fanned out to %d"
                        + " recipients): %s; %.1f s of compiling since the portal started", HISTORY_PAGES,
                settings.postingThreads(), FAN_OUT_POSTS, settings.mailRecipients(), settling,
                settling.compileTime().toMillis() / 1000.0)));
    }
}
