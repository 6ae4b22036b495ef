package archfixtures.cycles.application.service.billing;

public class BillingService {
    archfixtures.cycles.application.service.mailing.MailingService mailing;
}
