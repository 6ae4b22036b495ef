package archfixtures.misplacedtechnology.application.service;

/** Breaks "jakarta.mail only in the mail adapter". */
public class UsesMail {
    public void mail(jakarta.mail.Session session) {
    }
}
