package dev.billingportal.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Goal 4: billing-notification mails per second end to end — from the first post until the SMTP sink accepted
 * the last mail — against a raw loop doing a delivery's irreducible work: the same multipart mail sent over kept-open
 * SMTP connections, each between a lock of its delivery row (read with its event) and the commit of its status, in
 * the same database. As a reference line, the pure Jakarta Mail loop without a database. Then, at half the
 * end-to-end rate, the p99 of the time from a post to the SMTP accept of each of its mails.
 */
final class MailDelivery {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);

    private long mails;
    private Duration endToEnd;
    /** As many as the portal's notification workers by default (portal.notifications.workers). */
    static final int RAW_THREADS = 8;

    private RawLoops.Result rawLoop;
    private JitSettling rawWarmUp;
    private RawLoops.Result recordedLoop;
    private JitSettling recordedWarmUp;
    private int deliveries;
    private final Latencies latency = new Latencies();
    private double latencyPostsPerSecond;
    private long latencyPosts;

    /**
     * Posts {@code settings.mailPosts()} payments from two threads and waits for every mail they cause — once to
     * warm the portal up (its JIT, its connections), then measured: the raw loop is measured warm too.
     */
    void measureEndToEnd(PortalClient client, PortalClient.Member account, SmtpSink sink, AtomicLong ids,
                         BenchSettings settings) throws InterruptedException {
        mails = (long) settings.mailPosts() * settings.mailRecipients();
        postAndAwaitMails(client, account, sink, ids, settings);
        endToEnd = postAndAwaitMails(client, account, sink, ids, settings);
    }

    private Duration postAndAwaitMails(PortalClient client, PortalClient.Member account, SmtpSink sink,
                                       AtomicLong ids, BenchSettings settings) throws InterruptedException {
        long target = sink.accepted() + mails;
        long started = System.nanoTime();
        ClosedLoop.times(2, settings.mailPosts(),
                (worker, n) -> client.postPayment(account.accountId(), ids.incrementAndGet()));
        if (!sink.awaitAccepted(target, DELIVERY_TIMEOUT)) {
            throw new IllegalStateException("only " + sink.accepted() + " of " + target + " mails arrived");
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** An open-loop load at half the end-to-end rate: posts leave on schedule whatever the portal's pace. */
    void measureLatency(PortalClient client, PortalClient.Member account, SmtpSink sink, AtomicLong ids,
                        BenchSettings settings) throws InterruptedException {
        latencyPostsPerSecond = 0.5 * mailsPerSecond() / settings.mailRecipients();
        long intervalNanos = (long) (1e9 / latencyPostsPerSecond);
        long count = Math.max(1, settings.latencyTime().toNanos() / intervalNanos);
        long target = sink.accepted() + count * settings.mailRecipients();
        OpenLoop.run(count, intervalNanos, () -> {
            long id = ids.incrementAndGet();
            long sent = System.nanoTime();
            sink.onMessage(id, accepted -> latency.record(accepted - sent));
            client.postPayment(account.accountId(), id);
        });
        latencyPosts = count;
        if (!sink.awaitAccepted(target, DELIVERY_TIMEOUT)) {
            throw new IllegalStateException("only " + sink.accepted() + " of " + target + " mails arrived");
        }
        Thread.sleep(200); // the listener of the last accepted mail runs just after the count moves
    }

    /** The goal's baseline: each mail between its delivery row's lock and its recorded status, on the same database. */
    void measureRecordedLoop(SmtpSink sink, RawJdbc jdbc, PortalClient.Member account, BenchSettings settings)
            throws Exception {
        List<UUID> rows = jdbc.deliveries(UUID.fromString(account.accountId()));
        deliveries = rows.size();
        RawMailLoop.Recordings recordings = () -> jdbc.deliveryRecorder(rows);
        Duration minimum = settings.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        recordedWarmUp = JitSettling.run("the raw mail loop recording each delivery", JitActivity::ownCompileTime,
                Duration.ofSeconds(1), 1, settings.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(60),
                () -> RawMailLoop.send(sink.port(), RAW_THREADS, mails, minimum, recordings));
        recordedLoop = RawMailLoop.send(sink.port(), RAW_THREADS, mails, minimum, recordings);
    }

    /** The reference line: Jakarta Mail alone. */
    void measureRawLoop(SmtpSink sink, BenchSettings settings) throws Exception {
        Duration minimum = settings.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        rawWarmUp = JitSettling.run("the raw mail loop", JitActivity::ownCompileTime, Duration.ofSeconds(1), 1,
                settings.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(60),
                () -> RawMailLoop.send(sink.port(), RAW_THREADS, mails, minimum));
        rawLoop = RawMailLoop.send(sink.port(), RAW_THREADS, mails, minimum);
    }

    double mailsPerSecond() {
        return mails / (endToEnd.toNanos() / 1e9);
    }

    RawLoops.Result recordedLoop() {
        return recordedLoop;
    }

    RawLoops.Result rawLoop() {
        return rawLoop;
    }

    Latencies latency() {
        return latency;
    }

    void report(Report report, BenchSettings settings) {
        double rawPerSecond = rawLoop.perSecond();
        double ratio = mailsPerSecond() / recordedLoop.perSecond();
        report.ratio("e-mails per second, post → SMTP accepted / raw loop sending the same mail and committing its"
                        + " delivery row", Report.rate(mailsPerSecond(), "mails"),
                Report.rate(recordedLoop.perSecond(), "mails") + " (raw loop + JDBC)", ratio, "≥ 0.7", ratio >= 0.7);
        report.reference("e-mails per second, post → SMTP accepted / raw Jakarta Mail loop, no database",
                Report.rate(mailsPerSecond(), "mails"), Report.rate(rawPerSecond, "mails") + " (raw loop)",
                mailsPerSecond() / rawPerSecond);
        double p99Seconds = latency.p99Millis() / 1000;
        report.ratio("p99 post → SMTP accepted at half that load, seconds", String.format(Locale.ROOT, "%.3f s",
                p99Seconds), "1 s (the goal itself)", p99Seconds, "≤ 1", p99Seconds <= 1.0);
        report.section("E-mail", List.of(
                settings.mailPosts() + " payments posted from 2 threads to an account with " + settings.mailRecipients()
                        + " users who want billing notifications: " + mails + " mails in " + endToEnd.toMillis()
                        + " ms from the first post to the last SMTP accept",
                "raw loop recording each delivery: " + recordedLoop.sent() + " multipart/alternative messages on "
                        + RAW_THREADS + " threads (as many as the portal's notification workers), each on one kept-open"
                        + " SMTP connection and one database connection, each mail between its delivery row locked"
                        + " (with its event read) and its status committed (cycling over the " + deliveries
                        + " deliveries the portal recorded), in " + recordedLoop.took().toMillis() + " ms ("
                        + recordedWarmUp + ")",
                "pure raw loop (reference): " + rawLoop.sent() + " multipart/alternative messages on " + RAW_THREADS
                        + " threads, each on one kept-open SMTP connection, no database, in "
                        + rawLoop.took().toMillis() + " ms",
                "both measured warm: the portal after its warm-up and a first round of the same size that is not"
                        + " counted; the raw loop in the bench's JVM, " + rawWarmUp,
                String.format(Locale.ROOT, "latency run: %d posts at %.1f posts/s (%.1f mails/s, half the end-to-end"
                        + " rate), open loop; from sending the post (so an upper bound on commit → accept): %s",
                        latencyPosts, latencyPostsPerSecond, latencyPostsPerSecond * settings.mailRecipients(), latency)));
    }
}
