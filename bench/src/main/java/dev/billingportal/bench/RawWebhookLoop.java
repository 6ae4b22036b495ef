package dev.billingportal.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook message's irreducible work, by hand, on {@code threads} loops: read the message's body, sign it
 * (Standard Webhooks: HMAC-SHA256 of {@code id.timestamp.body}), POST it over a kept-open connection to the same
 * receiver, then record the attempt row and the message's status in one commit — no outbox, no queue, no lease, no
 * schedule, no address check, no JSON rendering.
 */
final class RawWebhookLoop {
    private RawWebhookLoop() {
    }

    /** A message the portal recorded: its id, and the receiver URL and secret of its endpoint. */
    record Message(String id, String url, String secret) {
    }

    static RawLoops.Result send(BenchDatabase database, List<Message> messages, int threads, long count,
                                Duration minimum) throws InterruptedException {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("no webhook messages to send");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return RawLoops.run("raw-webhook", threads, count, minimum,
                () -> new Loop(database.connect(), http, messages));
    }

    /** One thread's connection and statements, prepared once, and its signers, one per secret. */
    private static final class Loop implements RawLoops.Sender {
        private final Connection connection;
        private final HttpClient http;
        private final List<Message> messages;
        private final PreparedStatement body;
        private final PreparedStatement attempt;
        private final PreparedStatement delivered;
        private final Map<String, Mac> signers = new HashMap<>();

        Loop(Connection connection, HttpClient http, List<Message> messages) throws Exception {
            this.connection = connection;
            this.http = http;
            this.messages = messages;
            connection.setAutoCommit(false);
            body = connection.prepareStatement("SELECT body FROM webhook_message WHERE id = ?");
            attempt = connection.prepareStatement("INSERT INTO webhook_attempt (id, message_id, attempted_at, took_ms,"
                    + " http_status, error, answer) VALUES (?, ?, ?, ?, ?, NULL, ?)");
            delivered = connection.prepareStatement("UPDATE webhook_message SET status = 'DELIVERED',"
                    + " attempts = attempts + 1, delivered_at = ?, next_attempt_at = NULL, lease = NULL,"
                    + " lease_until = NULL WHERE id = ?");
        }

        @Override
        public void send(long n) throws Exception {
            Message message = messages.get((int) (n % messages.size()));
            String text;
            body.setString(1, message.id());
            try (ResultSet row = body.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no message " + message.id());
                }
                text = row.getString(1);
            }
            connection.commit();
            long timestamp = Instant.now().getEpochSecond();
            Mac mac = signers.computeIfAbsent(message.secret(), Loop::signer);
            String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((message.id() + "."
                    + timestamp + "." + text).getBytes(StandardCharsets.UTF_8)));
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(message.url()))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .header("webhook-id", message.id()).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("the receiver answered " + answer.statusCode());
            }
            Timestamp now = Timestamp.from(Instant.now());
            attempt.setObject(1, UUID.randomUUID());
            attempt.setString(2, message.id());
            attempt.setTimestamp(3, now);
            attempt.setLong(4, Duration.ofNanos(System.nanoTime() - sent).toMillis());
            attempt.setInt(5, answer.statusCode());
            attempt.setString(6, answer.body());
            attempt.executeUpdate();
            delivered.setTimestamp(1, now);
            delivered.setString(2, message.id());
            delivered.executeUpdate();
            connection.commit();
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }

        private static Mac signer(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                return mac;
            } catch (java.security.GeneralSecurityException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
