package archfixtures.cycles.application.service.mailing;

public class MailingService {
    archfixtures.cycles.application.service.billing.BillingService billing;
}
