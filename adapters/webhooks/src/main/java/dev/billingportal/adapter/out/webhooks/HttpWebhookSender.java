package dev.billingportal.adapter.out.webhooks;

import dev.billingportal.application.port.out.WebhookSender;
import dev.billingportal.domain.webhook.AddressRules;
import dev.billingportal.domain.webhook.WebhookUrl;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Webhook attempts over HTTP with Apache HttpClient 5 (docs/dependencies.md): its connection manager asks a
 * {@link CheckedDns} for a host's addresses and connects to exactly those, so the address checked is the address
 * connected to; TLS is verified for the endpoint's host name. No redirect is followed, nothing is retried here (the
 * schedule is the message's), no cookie is kept, at most {@value #MAX_READ} bytes of an answer are read and
 * {@value #EXCERPT} kept. The pool bounds connections in all, not per host: one host may serve many endpoints (a
 * receiving service's), and what keeps one slow endpoint from holding the workers is the workers' own limit of attempts
 * in flight per endpoint — a per-host cap would make a failing endpoint's attempts block a healthy neighbour's.
 */
public final class HttpWebhookSender implements WebhookSender, AutoCloseable {
    static final int MAX_READ = 64 * 1024;
    static final int EXCERPT = 1024;

    /** The limits of an attempt: spec §13's 15 s for the answer, and how many connections the client holds in all. */
    public record Limits(Duration connect, Duration answer, int connections) {
        public static final Limits SPEC = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(15), 64);
    }

    private final CheckedDns dns;
    private final Limits limits;
    private final Clock clock;
    /**
     * Made at the first attempt, not at start: the client's TLS context loads the JDK's trust store (some 1.5 MB of
     * heap), which a portal whose accounts have no webhook, or a process that sends none (role api), never needs.
     */
    private volatile CloseableHttpClient client;

    /** Sending with the system's resolver. */
    public HttpWebhookSender(AddressRules rules, Limits limits, Clock clock) {
        this(InetAddress::getAllByName, rules, limits, clock);
    }

    HttpWebhookSender(CheckedDns.Lookup lookup, AddressRules rules, Limits limits, Clock clock) {
        this.clock = clock;
        this.dns = new CheckedDns(lookup, rules);
        this.limits = limits;
    }

    private CloseableHttpClient client() {
        CloseableHttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = newClient(dns, limits);
                    client = made;
                }
            }
        }
        return made;
    }

    private static CloseableHttpClient newClient(CheckedDns dns, Limits limits) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dns)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(limits.connect()))
                        .setSocketTimeout(Timeout.of(limits.answer()))
                        .build())
                .setMaxConnPerRoute(limits.connections())
                .setMaxConnTotal(limits.connections())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("BillingPortal-Webhooks/1")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(limits.answer()))
                        .setConnectionRequestTimeout(Timeout.of(limits.answer()))
                        .build())
                .build();
    }

    @Override
    public Attempt post(WebhookUrl url, Map<String, String> headers, String body) {
        HttpPost post = new HttpPost(url.uri());
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        Instant start = clock.instant();
        try {
            return client().execute(post, response -> answered(response, start));
        } catch (CheckedDns.RefusedAddress refused) {
            return failed(start, "refused address: " + refused.reason());
        } catch (SocketTimeoutException slow) { // the connection's or the answer's limit
            return failed(start, "timeout");
        } catch (ConnectException refused) {
            return failed(start, "connection refused");
        } catch (UnknownHostException unknown) {
            return failed(start, "unknown host");
        } catch (IOException broken) {
            return failed(start, "I/O error: " + broken.getClass().getSimpleName());
        }
    }

    @Override
    public Optional<String> refusal(WebhookUrl url) {
        try {
            dns.resolve(url.host());
            return Optional.empty();
        } catch (CheckedDns.RefusedAddress refused) {
            String reason = refused.reason();
            return Optional.of("resolves to " + ("aeiou".indexOf(reason.charAt(0)) >= 0 ? "an " : "a ") + reason
                    + " address");
        } catch (UnknownHostException unknown) {
            return Optional.of("has a host that does not resolve");
        }
    }

    private Attempt answered(ClassicHttpResponse response, Instant start) throws IOException {
        return new Attempt(Optional.of(response.getCode()), since(start), Optional.empty(),
                excerpt(response.getEntity()), retryAfter(response.getFirstHeader("Retry-After")));
    }

    private Attempt failed(Instant start, String error) {
        return new Attempt(Optional.empty(), since(start), Optional.of(error), "", Optional.empty());
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }

    /** The answer's first KiB, read no further than {@value #MAX_READ} bytes; a broken UTF-8 tail is replaced. */
    static String excerpt(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] read = in.readNBytes(MAX_READ);
            int kept = Math.min(read.length, EXCERPT);
            return new String(read, 0, kept, StandardCharsets.UTF_8);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; anything else is no advice. */
    Optional<Duration> retryAfter(Header header) {
        if (header == null || header.getValue() == null) {
            return Optional.empty();
        }
        String value = header.getValue().strip();
        if (value.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        Instant at = DateUtils.parseStandardDate(value);
        if (at == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    @Override
    public void close() throws IOException {
        CloseableHttpClient made = client;
        if (made != null) {
            made.close();
        }
    }
}
