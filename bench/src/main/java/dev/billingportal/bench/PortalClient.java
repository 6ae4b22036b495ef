package dev.billingportal.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The load driver's side of the portal's HTTP API: the calls the bench makes, over loopback. */
final class PortalClient {
    static final String PASSWORD = "bench password, long enough";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String operatorToken;

    PortalClient(int port, String operatorToken) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.operatorToken = operatorToken;
    }

    URI base() {
        return base;
    }

    /** A signed-in portal user of an account. */
    record Member(String accountId, String token) {
    }

    /** Creates an account whose first user has billing notifications on, accepts the invitation, signs in. */
    Member newAccount(String username, SmtpSink sink) throws InterruptedException {
        return newAccount(username, sink, true);
    }

    /** The same, the first user wanting billing notifications or not. */
    Member newAccount(String username, SmtpSink sink, boolean billingNotifications) throws InterruptedException {
        JsonObject account = json(send("POST", "/api/v1/operator/accounts", operatorToken, """
                {"name":"Bench account %s","currency":"CAD","firstUser":%s}""".formatted(username,
                user(username, billingNotifications)), null), 201);
        String invitation = sink.invitationFor(username);
        send("POST", "/api/v1/auth/invitations/accept", null,
                "{\"token\":\"" + invitation + "\",\"password\":\"" + PASSWORD + "\"}", null, 204);
        JsonObject login = json(send("POST", "/api/v1/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", null), 200);
        return new Member(account.getString("id"), login.getString("accessToken"));
    }

    /** Adds a user with billing notifications on; invited users receive billing notifications at once. */
    void addUser(Member member, String username) {
        addUser(member, username, true);
    }

    /** The same, the user wanting billing notifications or not. */
    void addUser(Member member, String username, boolean billingNotifications) {
        send("POST", "/api/v1/accounts/" + member.accountId() + "/users", member.token(),
                user(username, billingNotifications), null, 201);
    }

    /** Adds a webhook endpoint for the account's posted transactions; returns its signing secret. */
    String addWebhookEndpoint(Member member, String url) {
        return json(send("POST", "/api/v1/accounts/" + member.accountId() + "/webhook-endpoints", member.token(),
                "{\"url\":\"" + url + "\",\"eventTypes\":[\"transaction.posted\"]}", null), 201).getString("secret");
    }

    /** Posts a payment whose reference carries {@code id}; returns once the portal has answered 201. */
    void postPayment(String accountId, long id) {
        send("POST", "/api/v1/operator/accounts/" + accountId + "/transactions", operatorToken,
                "{\"type\":\"PAYMENT\",\"amount\":\"1.00\",\"reference\":\"BENCH-" + id + "-post\"}",
                "bench-" + id, 201);
    }

    /** Sends a bill run's NDJSON file; returns the run's path once the portal has read and checked it (202). */
    String submitBillRun(String ndjson) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/operator/bill-runs"))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + operatorToken)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build();
        HttpResponse<String> accepted = exchange(request);
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("the bill run answered " + accepted.statusCode() + ": "
                    + accepted.body().substring(0, Math.min(2_000, accepted.body().length())));
        }
        return URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
    }

    /** The run at {@code path} once it is no longer being checked or posted, polled every 50 ms. */
    JsonObject awaitBillRun(String path, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            JsonObject run = json(send("GET", path, operatorToken, null, null), 200);
            if (!run.getString("status").equals("POSTING") && !run.getString("status").equals("VALIDATING")) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bill run was not done in " + patience + ": " + run);
            }
            Thread.sleep(50);
        }
    }

    /** One page of history, 50 rows, from {@code cursor} (null: the first page). */
    void historyPage(Member member, String cursor) {
        String path = "/api/v1/accounts/" + member.accountId() + "/transactions?limit=50"
                + (cursor == null ? "" : "&cursor=" + cursor);
        HttpResponse<String> page = send("GET", path, member.token(), null, null);
        if (page.statusCode() != 200 || !page.body().contains("\"balanceAfter\"")) {
            throw new IllegalStateException("history page failed: " + page.statusCode() + " " + page.body());
        }
    }

    /**
     * Signs {@code username} in on the web pages, as a browser does: the sign-in page's CSRF cookie and field, then
     * the form; returns the session cookie ({@code name=value}) to send with page requests.
     */
    String signInToPages(String username) {
        HttpResponse<String> form = send("GET", "/sign-in", null, null, null);
        String csrfCookie = cookie(form, "portal-csrf");
        Matcher field = CSRF_FIELD.matcher(form.body());
        if (!field.find()) {
            throw new IllegalStateException("the sign-in page has no CSRF field");
        }
        String body = "_csrf=" + field.group(1) + "&next=%2F&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/sign-in")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base.toString())
                .header("Cookie", csrfCookie).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> signedIn = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 303) {
                throw new IllegalStateException("signing in to the pages answered " + signedIn.statusCode());
            }
            return cookie(signedIn, "portal-session");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A web page with the session cookie; returns its size, having checked it is the page and not a redirect. */
    int page(String path, String sessionCookie, String mustContain) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", sessionCookie).GET().build();
        try {
            HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200 || !page.body().contains(mustContain)) {
                throw new IllegalStateException(path + " answered " + page.statusCode());
            }
            return page.body().length();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** An API GET for a portal user; returns the body's size, having checked the status. */
    int api(Member member, String path) {
        HttpResponse<String> response = send("GET", path, member.token(), null, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body().length();
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "="))
                .map(value -> value.split(";", 2)[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie"));
    }

    /** The liveness check: an HTTP round trip through the portal's server with no JAX-RS, no token, no database. */
    void live() {
        HttpResponse<String> live = send("GET", "/health/live", null, null, null);
        if (live.statusCode() != 200) {
            throw new IllegalStateException("/health/live answered " + live.statusCode());
        }
    }

    private static String user(String username, boolean billingNotifications) {
        return """
                {"username":"%s","firstName":"Bench","lastName":"User","timeZone":"America/Toronto",\
                "billingNotifications":%s}""".formatted(username, billingNotifications);
    }

    private void send(String method, String path, String token, String body, String idempotencyKey, int expected) {
        HttpResponse<String> response = send(method, path, token, body, idempotencyKey);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return exchange(request.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static JsonObject json(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
