package archfixtures.technicalapplication.application.service;

/** Breaks "the application uses no technology": a service that speaks JMS. */
public class NotifyService {
    public void notify(jakarta.jms.Session session) {
    }
}
