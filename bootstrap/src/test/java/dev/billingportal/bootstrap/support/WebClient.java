package dev.billingportal.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The web pages as an HTTP client sees them — not a browser: it follows no redirect, keeps its cookies by hand, and
 * can send what a browser never would (no CSRF token, a foreign {@code Origin}, another kind of token as the cookie).
 */
public final class WebClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public WebClient(URI base) {
        this.base = base;
    }

    /** One answer: status, headers, body, and the body as HTML. */
    public record Page(int status, java.net.http.HttpHeaders headers, String body) {
        public Document html() {
            return Jsoup.parse(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The CSRF token the page's forms carry. */
        public String csrf() {
            return html().selectFirst("input[name=_csrf]").val();
        }
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public String origin() {
        return "http://" + base.getHost() + ":" + base.getPort();
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A form as a browser on one of the portal's pages submits it (its {@code Origin}). */
    public Page post(String path, Map<String, String> form) {
        return post(path, form, Map.of("Origin", origin()));
    }

    public Page post(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * A form that uploads a file, as a browser sends it ({@code multipart/form-data}, its {@code Origin}): the parts
     * in the order given, the file's part where {@code fields} has {@code fileField} — or last when it has not.
     */
    public Page postFile(String path, Map<String, String> fields, String fileField, String filename,
                         String contentType, String content) {
        String boundary = "----portal-test-" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        String filePart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n" + content + "\r\n";
        fields.forEach((name, value) -> body.append(name.equals(fileField) ? filePart : "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
        if (!fields.containsKey(fileField)) {
            body.append(filePart);
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return send(request);
    }

    /** Signs in through the sign-in page's form; the session cookie is kept. */
    public Page signIn(String username, String password) {
        String csrf = get("/sign-in").csrf();
        return post("/sign-in", Map.of("_csrf", csrf, "username", username, "password", password, "next", "/"));
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                boolean expired = setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")
                        || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(response.statusCode(), response.headers(), response.body());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
