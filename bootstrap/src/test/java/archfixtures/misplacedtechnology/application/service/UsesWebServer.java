package archfixtures.misplacedtechnology.application.service;

/** Breaks "the web server only in the web adapter": a service reading a request. */
public class UsesWebServer {
    public void handle(io.helidon.webserver.http.ServerRequest request) {
    }
}
