package archfixtures.misplacedtechnology.application.service;

/** Breaks "Apache HttpClient only in the webhooks adapter". */
public class UsesHttpClient {
    public void send(org.apache.hc.client5.http.impl.classic.CloseableHttpClient client) {
    }
}
