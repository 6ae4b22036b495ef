package archfixtures.servicecycle.application.service.mailing;

public class MailingService {
    archfixtures.servicecycle.application.service.billing.BillingService billing;
}
