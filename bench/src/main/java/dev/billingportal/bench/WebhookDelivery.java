package dev.billingportal.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 24's goal: webhook messages per second end to end — from the first post until the receiver took the last
 * message, each payment going to two endpoints on loopback — against {@link RawWebhookLoop}, a message's irreducible
 * work by hand on the same database and receiver (goal ≥ 0.7); then, at half the end-to-end rate, the p99 of the time
 * from a post to the receiver taking its message (goal ≤ 1 s).
 */
final class WebhookDelivery {
    static final int ENDPOINTS = 2;
    /** As many as the portal's webhook workers by default (portal.webhooks.workers). */
    static final int RAW_THREADS = 16;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(5);

    private final Map<String, String> secrets = new HashMap<>();
    private final Latencies latency = new Latencies();
    private long posts;
    private Duration endToEnd;
    /** Of the measured round: from the first post to the last post's answer. */
    private Duration posting;
    private RawLoops.Result rawLoop;
    private JitSettling rawWarmUp;
    private int recorded;
    private double latencyPostsPerSecond;
    private long latencyPosts;

    /** The account's two endpoints, both on the sink. */
    void setUp(PortalClient client, PortalClient.Member account, WebhookSink sink) {
        for (String path : List.of("/ledger", "/crm")) {
            secrets.put(sink.url(path), client.addWebhookEndpoint(account, sink.url(path)));
        }
    }

    /** As many messages as the e-mail measure sends mails: a warm-up round, then the measured one. */
    void measureEndToEnd(PortalClient client, PortalClient.Member account, WebhookSink sink, AtomicLong ids,
                         BenchSettings settings) throws InterruptedException {
        posts = Math.max(1, (long) settings.mailPosts() * settings.mailRecipients() / ENDPOINTS);
        postAndAwait(client, account, sink, ids);
        endToEnd = postAndAwait(client, account, sink, ids);
    }

    private Duration postAndAwait(PortalClient client, PortalClient.Member account, WebhookSink sink,
                                  AtomicLong ids) throws InterruptedException {
        long target = sink.taken() + posts * ENDPOINTS;
        long started = System.nanoTime();
        ClosedLoop.times(2, posts, (worker, n) -> client.postPayment(account.accountId(), ids.incrementAndGet()));
        posting = Duration.ofNanos(System.nanoTime() - started);
        if (!sink.awaitTaken(target, DELIVERY_TIMEOUT)) {
            throw new IllegalStateException("only " + sink.taken() + " of " + target + " webhook messages arrived");
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** An open-loop load at half the end-to-end rate: posts leave on schedule whatever the portal's pace. */
    void measureLatency(PortalClient client, PortalClient.Member account, WebhookSink sink, AtomicLong ids,
                        BenchSettings settings) throws InterruptedException {
        latencyPostsPerSecond = 0.5 * messagesPerSecond() / ENDPOINTS;
        long intervalNanos = (long) (1e9 / latencyPostsPerSecond);
        long count = Math.max(1, settings.latencyTime().toNanos() / intervalNanos);
        long target = sink.taken() + count * ENDPOINTS;
        OpenLoop.run(count, intervalNanos, () -> {
            long id = ids.incrementAndGet();
            long sent = System.nanoTime();
            sink.onMessage(id, taken -> latency.record(taken - sent));
            client.postPayment(account.accountId(), id);
        });
        latencyPosts = count;
        if (!sink.awaitTaken(target, DELIVERY_TIMEOUT)) {
            throw new IllegalStateException("only " + sink.taken() + " of " + target + " webhook messages arrived");
        }
        Thread.sleep(200); // the listener of the last message runs just after the count moves
        sink.forgetMessages();
    }

    /** The goal's baseline, warm, over the messages the portal recorded (the portal stopped). */
    void measureRawLoop(BenchDatabase database, RawJdbc jdbc, PortalClient.Member account, BenchSettings settings)
            throws Exception {
        List<RawWebhookLoop.Message> messages = jdbc.webhookMessages(UUID.fromString(account.accountId())).stream()
                .map(row -> new RawWebhookLoop.Message(row[0], row[1], secrets.get(row[1]))).toList();
        recorded = messages.size();
        long count = posts * ENDPOINTS;
        Duration minimum = settings.quick() ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
        rawWarmUp = JitSettling.run("the raw webhook loop", JitActivity::ownCompileTime, Duration.ofSeconds(1), 1,
                settings.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(60),
                () -> RawWebhookLoop.send(database, messages, RAW_THREADS, count, minimum));
        rawLoop = RawWebhookLoop.send(database, messages, RAW_THREADS, count, minimum);
    }

    double messagesPerSecond() {
        return posts * ENDPOINTS / (endToEnd.toNanos() / 1e9);
    }

    void report(Report report, BenchSettings settings) {
        double ratio = messagesPerSecond() / rawLoop.perSecond();
        report.ratio("webhook messages per second, post → receiver took it / raw loop signing, POSTing and"
                        + " committing its attempt row", Report.rate(messagesPerSecond(), "messages"),
                Report.rate(rawLoop.perSecond(), "messages") + " (raw loop + JDBC)", ratio, "≥ 0.7", ratio >= 0.7);
        double p99Seconds = latency.p99Millis() / 1000;
        report.ratio("p99 post → webhook receiver at half that load, seconds", String.format(Locale.ROOT,
                "%.3f s", p99Seconds), "1 s (the goal itself)", p99Seconds, "≤ 1", p99Seconds <= 1.0);
        report.section("Webhooks", List.of(
                posts + " payments posted from 2 threads to an account with " + ENDPOINTS + " webhook endpoints"
                        + " (transaction.posted) on a loopback receiver (the JDK's HTTP server, answering 204), its"
                        + " user taking no billing e-mail: " + posts * ENDPOINTS + " messages in "
                        + endToEnd.toMillis() + " ms from the first post to the receiver taking the last; the posts"
                        + " themselves took " + posting.toMillis() + " ms (" + String.format(Locale.ROOT, "%.1f",
                        posts / (posting.toNanos() / 1e9)) + " posts/s from 2 threads), the last message arrived "
                        + endToEnd.minus(posting).toMillis() + " ms after the last post's answer",
                "raw loop: " + rawLoop.sent() + " messages on " + RAW_THREADS + " threads (as many as the portal's"
                        + " webhook workers), each reading the message's body, signing it (HMAC-SHA256), POSTing it"
                        + " over a kept-open connection (java.net.http) and committing its attempt row and status,"
                        + " cycling over the " + recorded + " messages the portal recorded, in "
                        + rawLoop.took().toMillis() + " ms (" + rawWarmUp + ")",
                "both measured warm: the portal after a first round of the same size that is not counted",
                String.format(Locale.ROOT, "latency run: %d posts at %.1f posts/s (%.1f messages/s, half the"
                        + " end-to-end rate), open loop; from sending the post: %s", latencyPosts,
                        latencyPostsPerSecond, latencyPostsPerSecond * ENDPOINTS, latency)));
    }
}
