package archfixtures.misplacedtechnology.application.service;

/** Breaks "jakarta.jms only in the messaging adapter". */
public class UsesJms {
    public void publish(jakarta.jms.Session session) {
    }
}
