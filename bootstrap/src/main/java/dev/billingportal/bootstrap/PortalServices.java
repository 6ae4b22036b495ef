package dev.billingportal.bootstrap;

import dev.billingportal.adapter.out.persistence.JpaAccounts;
import dev.billingportal.adapter.out.persistence.JpaNotifications;
import dev.billingportal.adapter.out.persistence.JpaOneTimeTokens;
import dev.billingportal.adapter.out.persistence.JpaOutbox;
import dev.billingportal.adapter.out.persistence.JpaPortalUsers;
import dev.billingportal.adapter.out.persistence.JpaUnitOfWork;
import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.account.CreateAccountUseCase;
import dev.billingportal.application.port.in.account.GetAccountQuery;
import dev.billingportal.application.port.in.notification.DeliverNotificationUseCase;
import dev.billingportal.application.port.in.notification.RelayOutboxUseCase;
import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.port.out.NotificationQueue;
import dev.billingportal.application.service.access.AuthenticateCallerService;
import dev.billingportal.application.service.account.CreateAccountService;
import dev.billingportal.application.service.account.GetAccountService;
import dev.billingportal.application.service.notification.DeliverNotificationService;
import dev.billingportal.application.service.notification.MailComposer;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.notification.RelayOutboxService;
import java.time.Clock;

/**
 * The application services, built by hand from their ports — the whole object graph in one place.
 * CDI only hands the finished use cases to the REST resources (see {@link Portal}).
 */
final class PortalServices {
    final CreateAccountUseCase createAccount;
    final GetAccountQuery getAccount;
    final AuthenticateCallerQuery authenticateCaller;
    final RelayOutboxUseCase relayOutbox;
    final DeliverNotificationUseCase deliverNotification;

    PortalServices(PortalSettings settings, String operatorToken, JpaUnitOfWork unitOfWork, NotificationQueue queue,
                   Mailer mailer, Runnable relayWakeUp, Clock clock) {
        JpaAccounts accounts = new JpaAccounts(unitOfWork);
        JpaPortalUsers users = new JpaPortalUsers(unitOfWork);
        JpaNotifications notifications = new JpaNotifications(unitOfWork);
        JpaOneTimeTokens tokens = new JpaOneTimeTokens(unitOfWork);
        JpaOutbox outbox = new JpaOutbox(unitOfWork);
        NotificationRecorder recorder = new NotificationRecorder(notifications, unitOfWork, relayWakeUp);

        createAccount = new CreateAccountService(unitOfWork, accounts, users, recorder, clock);
        getAccount = new GetAccountService(unitOfWork, accounts);
        authenticateCaller = new AuthenticateCallerService(operatorToken);
        relayOutbox = new RelayOutboxService(unitOfWork, outbox, queue, clock, settings.outboxBatchSize());
        deliverNotification = new DeliverNotificationService(unitOfWork, notifications, users,
                new MailComposer(tokens, settings.baseUrl()), mailer, clock,
                settings.messaging().retryPolicy().maxAttempts());
    }
}
