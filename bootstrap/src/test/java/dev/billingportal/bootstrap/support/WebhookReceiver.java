package dev.billingportal.bootstrap.support;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A webhook receiver on loopback (the JDK's HTTP server), as a customer's system would be: it records every request,
 * answers as the test scripts per path, and verifies signatures with the Standard Webhooks reference library — an
 * implementation independent of the portal's signer, including its check of the timestamp's tolerance.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    public record Request(String path, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().getFirst()).findFirst().orElse(null);
        }

        public String webhookId() {
            return header("webhook-id");
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public String type() {
            return json().getString("type");
        }

        /**
         * Whether one of the signatures is the reference library's for {@code secret}, whatever the timestamp's age:
         * for a portal whose clock a test moves ahead of the receiver's.
         */
        public boolean signedWith(String secret) {
            try {
                String expected = new Webhook(secret).sign(webhookId(), Long.parseLong(header("webhook-timestamp")),
                        body);
                return List.of(header("webhook-signature").split(" ")).contains(expected);
            } catch (com.standardwebhooks.exceptions.WebhookSigningException | NumberFormatException unsigned) {
                return false;
            }
        }

        /** Whether the reference library accepts the signature under {@code secret} (and the timestamp as recent). */
        public boolean verifiesWith(String secret) {
            try {
                Map<String, List<String>> lowerCase = new java.util.HashMap<>();
                headers.forEach((name, values) -> lowerCase.put(name.toLowerCase(java.util.Locale.ROOT), values));
                new Webhook(secret).verify(body, lowerCase);
                return true;
            } catch (WebhookVerificationException refused) {
                return false;
            }
        }
    }

    /** How the receiver answers a request. */
    public record Answer(int status, Duration delay, Map<String, String> headers) {
        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Request, Answer>> answers = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers requests to {@code path} so (a 2xx by default). */
    public void answer(String path, Function<Request, Answer> answer) {
        answers.put(path, answer);
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    public List<Request> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    body, Instant.now());
            received.add(request);
            Answer answer = answers.getOrDefault(request.path(), any -> Answer.status(204)).apply(request);
            if (!answer.delay().isZero()) {
                Await.sleep(answer.delay());
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] reply = ("{\"received\":true}").getBytes(StandardCharsets.UTF_8);
            if (answer.status() == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(answer.status(), reply.length);
                exchange.getResponseBody().write(reply);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
