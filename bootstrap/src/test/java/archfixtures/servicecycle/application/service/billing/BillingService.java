package archfixtures.servicecycle.application.service.billing;

/** Breaks "application service slices are free of cycles". */
public class BillingService {
    archfixtures.servicecycle.application.service.mailing.MailingService mailing;
}
