package dev.billingportal.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook receiver both the portal and the raw loop post to: the JDK's HTTP server on loopback, answering 204 to
 * everything, keeping a count and noting when it took each message ({@link System#nanoTime()}, the load driver's
 * clock), so that a message can be matched with the post that caused it by the payment's reference in its body.
 */
final class WebhookSink implements AutoCloseable {
    private static final Pattern REFERENCE = Pattern.compile("BENCH-(\\d+)-");

    private final HttpServer server;
    private final AtomicLong taken = new AtomicLong();
    private final Map<Long, LongConsumer> waiting = new ConcurrentHashMap<>();

    WebhookSink() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::take);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long taken() {
        return taken.get();
    }

    /** Calls {@code onTaken} with the time the message about payment {@code id} was taken, at each endpoint. */
    void onMessage(long id, LongConsumer onTaken) {
        waiting.put(id, onTaken);
    }

    /** Stops noting messages for their posts: the raw loop sends the portal's own messages again. */
    void forgetMessages() {
        waiting.clear();
    }

    /** Waits until at least {@code count} messages were taken in all; false on timeout. */
    boolean awaitTaken(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (taken.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            long at = System.nanoTime();
            exchange.sendResponseHeaders(204, -1);
            taken.incrementAndGet();
            Matcher reference = REFERENCE.matcher(text);
            if (reference.find()) {
                LongConsumer listener = waiting.get(Long.parseLong(reference.group(1)));
                if (listener != null) {
                    listener.accept(at);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
