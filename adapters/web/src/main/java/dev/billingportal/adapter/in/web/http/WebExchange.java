package dev.billingportal.adapter.in.web.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.Optional;

/**
 * One request to the web pages and its response, in the pages' own terms: cookies, form fields, whether htmx asked
 * (then the answer is a fragment), and the ways a page answers — HTML, a redirect after a POST, an htmx redirect.
 * Every answer carries the security headers of spec §9.
 */
public final class WebExchange {
    /** No inline script or style, nothing from another origin, never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final ServerRequest request;
    private final ServerResponse response;
    private Forms form;
    private Optional<MultipartForm.FilePart> upload = Optional.empty();

    public WebExchange(ServerRequest request, ServerResponse response) {
        this.request = request;
        this.response = response;
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        // Nothing the pages answer is stored by a browser or a proxy (a page shows an account, or carries a form's
        // CSRF token; a redirect may be a sign-in's); the hashed assets alone say otherwise (bytes()).
        response.header("Cache-Control", "no-store");
    }

    public boolean isPost() {
        return request.prologue().method() == Method.POST;
    }

    /** An htmx request: it wants the fragment that changes, not the whole page. */
    public boolean htmx() {
        return request.headers().first(HeaderNames.create("HX-Request")).map("true"::equals).orElse(false);
    }

    /** The path asked for, with its query: where to come back to after signing in. */
    public String pathAndQuery() {
        String query = request.query().rawValue();
        return request.path().rawPath() + (query.isEmpty() ? "" : "?" + query);
    }

    public Optional<String> pathParameter(String name) {
        return request.path().pathParameters().first(name).asOptional();
    }

    public Optional<String> query(String name) {
        return request.query().first(name).asOptional();
    }

    public Optional<String> header(String name) {
        return request.headers().first(HeaderNames.create(name));
    }

    public Optional<String> cookie(String name) {
        return request.headers().cookies().first(name).asOptional();
    }

    /**
     * The submitted form's fields; read once, at most {@value Forms#MAX_BYTES} bytes. Of a form that uploads a file,
     * the fields before the file ({@link #upload()}).
     */
    public Forms form() {
        if (form == null) {
            if (!isPost()) {
                form = Forms.parse(request.query().rawValue());
            } else if (MultipartForm.isMultipart(header("Content-Type"))) {
                MultipartForm multipart = MultipartForm.read(request.content().inputStream(),
                        header("Content-Type").orElseThrow());
                form = multipart.fields();
                upload = multipart.file();
            } else {
                form = Forms.read(request.content().inputStream());
            }
        }
        return form;
    }

    /** The file a {@code multipart/form-data} form uploads, still to be read: empty when it sent none. */
    public Optional<Upload> upload() {
        form();
        return upload.map(file -> new Upload(file.filename(), file.contentType(), file.content()));
    }

    /** An uploaded file: the name the browser gave it, its declared type, and its bytes, read once. */
    public record Upload(String filename, Optional<String> contentType, InputStream content) {
    }

    /** The host the browser addressed, as {@code Origin} would name this very portal. */
    public String addressedOrigin(String scheme) {
        return scheme + "://" + request.authority().toLowerCase(java.util.Locale.ROOT);
    }

    public void setCookie(SetCookie cookie) {
        response.headers().addCookie(cookie);
    }

    public void header(String name, String value) {
        response.header(name, value);
    }

    public void html(int status, String body) {
        html(status, body.getBytes(StandardCharsets.UTF_8));
    }

    public void html(int status, byte[] utf8) {
        response.status(Status.create(status));
        response.header("Content-Type", "text/html; charset=utf-8");
        response.header("Vary", "HX-Request");
        response.send(utf8);
    }

    /** After a POST: the browser fetches {@code location} with a GET, so a reload never repeats the action. */
    public void redirect(String location) {
        response.status(Status.SEE_OTHER_303);
        response.header("Location", location);
        response.send();
    }

    /** An htmx request that must leave the page (an ended session): htmx follows it as a whole-page visit. */
    public void htmxRedirect(String location) {
        response.status(Status.OK_200);
        response.header("HX-Redirect", location);
        response.send();
    }

    public void bytes(int status, String mediaType, String cacheControl, byte[] body) {
        response.status(Status.create(status));
        response.header("Content-Type", mediaType);
        response.header("Cache-Control", cacheControl);
        response.send(body);
    }

    /** A download written as it is produced ({@code body} writes it), never held whole in memory. */
    public void stream(int status, String mediaType, String filename, Consumer<OutputStream> body) {
        response.status(Status.create(status));
        response.header("Content-Type", mediaType);
        response.header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"");
        try (OutputStream out = response.outputStream()) {
            body.accept(out);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public boolean isSent() {
        return response.isSent();
    }
}
