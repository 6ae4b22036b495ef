package dev.billingportal.adapter.out.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.billingportal.application.port.out.WebhookSender;
import dev.billingportal.domain.webhook.AddressRules;
import dev.billingportal.domain.webhook.Network;
import dev.billingportal.domain.webhook.WebhookUrl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attempts against a real receiver on loopback (allowed here as a test's network): what is sent, what each answer
 * comes to, and what is never sent — to a refused address, a name that resolves to one, or a redirect's target.
 */
class HttpWebhookSenderTest {
    private static final Set<String> INSECURE = Set.of("receiver.test", "private.test", "rebinding.test",
            "unknown.test", "127.0.0.2", "::1");

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private HttpWebhookSender sender;

    /** The test's resolver: the receiver's name is loopback, another name private, and one answers public first. */
    private InetAddress[] lookup(String host) throws UnknownHostException {
        return switch (host) {
            case "receiver.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            case "private.test" -> new InetAddress[] {InetAddress.getByName("10.0.0.1")};
            case "rebinding.test" -> lookups.getAndIncrement() == 0
                    ? new InetAddress[] {InetAddress.getByName("93.184.215.14")}
                    : new InetAddress[] {InetAddress.getByName("127.0.0.2")};
            case "unknown.test" -> throw new UnknownHostException(host);
            default -> InetAddress.getAllByName(host);
        };
    }

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", this::answer);
        receiver.start();
        AddressRules rules = new AddressRules(List.of(Network.parse("127.0.0.1/32")));
        sender = new HttpWebhookSender(this::lookup, rules, new HttpWebhookSender.Limits(Duration.ofSeconds(2),
                Duration.ofMillis(800), 8), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws IOException {
        sender.close();
        receiver.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("webhook-id")
                + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
        String path = exchange.getRequestURI().getPath();
        byte[] answer = "fine".getBytes(StandardCharsets.UTF_8);
        int status = 200;
        switch (path) {
            case "/gone" -> status = 410;
            case "/busy" -> {
                status = 429;
                exchange.getResponseHeaders().add("Retry-After", "7");
            }
            case "/moved" -> {
                status = 302;
                exchange.getResponseHeaders().add("Location", "http://receiver.test:" + port() + "/target");
            }
            case "/large" -> answer = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            case "/slow" -> sleep(2_000);
            default -> {
            }
        }
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private int port() {
        return receiver.getAddress().getPort();
    }

    private WebhookUrl url(String host, String path) {
        return WebhookUrl.parse("http://" + host + ":" + port() + path, INSECURE);
    }

    private WebhookSender.Attempt post(String host, String path) {
        return sender.post(WebhookUrl.parse("http://" + host + ":" + port() + path, INSECURE),
                Map.of("webhook-id", "msg_1", "webhook-timestamp", "1614265330", "webhook-signature", "v1,x"),
                "{\"type\":\"webhook.test\"}");
    }

    @Test
    void aDeliveryPostsTheBodyAsJsonWithItsHeaders() {
        WebhookSender.Attempt attempt = post("receiver.test", "/hooks");
        assertTrue(attempt.delivered(), attempt.toString());
        assertEquals("fine", attempt.answer());
        assertEquals(List.of("/hooks msg_1 application/json; charset=UTF-8 {\"type\":\"webhook.test\"}"), received);
    }

    @Test
    void eachAnswerComesToItsOutcome() {
        WebhookSender.Attempt gone = post("receiver.test", "/gone");
        assertTrue(gone.gone() && !gone.delivered());
        WebhookSender.Attempt busy = post("receiver.test", "/busy");
        assertEquals(Optional.of(429), busy.status());
        assertEquals(Optional.of(Duration.ofSeconds(7)), busy.retryAfter());
        WebhookSender.Attempt large = post("receiver.test", "/large");
        assertEquals(HttpWebhookSender.EXCERPT, large.answer().length(), "the first KiB kept");
        WebhookSender.Attempt slow = post("receiver.test", "/slow");
        assertEquals(Optional.of("timeout"), slow.error(), slow.toString());
        assertTrue(slow.took().compareTo(Duration.ofMillis(1_900)) < 0, "given up at the answer's limit: " + slow);
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() {
        WebhookSender.Attempt moved = post("receiver.test", "/moved");
        assertEquals(Optional.of(302), moved.status());
        assertFalse(moved.delivered());
        assertEquals(1, received.size(), "the redirect's target never asked: " + received);
    }

    @Test
    void aRefusedAddressIsNeverConnectedTo() {
        assertEquals(Optional.of("refused address: private"), post("private.test", "/hooks").error());
        assertEquals(Optional.of("refused address: loopback"), post("127.0.0.2", "/hooks").error());
        assertEquals(Optional.of("refused address: loopback"), post("[::1]", "/hooks").error());
        assertEquals(List.of(), received, "nothing sent");
    }

    @Test
    void registrationIsToldWhyAnAddressWouldBeRefused() {
        assertEquals(Optional.empty(), sender.refusal(url("receiver.test", "/hooks")), "an allowed network");
        assertEquals(Optional.of("resolves to a private address"), sender.refusal(url("private.test", "/hooks")));
        assertEquals(Optional.of("resolves to a loopback address"), sender.refusal(url("127.0.0.2", "/hooks")));
        assertEquals(Optional.of("resolves to a loopback address"), sender.refusal(url("[::1]", "/hooks")));
        assertEquals(Optional.of("has a host that does not resolve"), sender.refusal(url("unknown.test", "/")));
        assertEquals(List.of(), received, "nothing sent");
    }

    @Test
    void aNameCheckedPublicOnceAndPrivateAtTheConnectionIsRefusedThere() throws UnknownHostException {
        assertEquals("93.184.215.14", lookup("rebinding.test")[0].getHostAddress(), "as a registration would see it");
        assertEquals(Optional.of("refused address: loopback"), post("rebinding.test", "/hooks").error(),
                "the lookup the connection uses is the one checked");
        assertEquals(List.of(), received);
    }

    @Test
    void aClosedPortIsARefusedConnection() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        WebhookSender.Attempt attempt = sender.post(WebhookUrl.parse("http://receiver.test:" + closed + "/h",
                INSECURE), Map.of(), "{}");
        assertEquals(Optional.of("connection refused"), attempt.error(), attempt.toString());
    }
}
