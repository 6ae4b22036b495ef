package dev.billingportal.bootstrap;

import dev.billingportal.adapter.in.messaging.NotificationListener;
import dev.billingportal.adapter.in.messaging.OutboxRelay;
import dev.billingportal.adapter.in.messaging.WebhookListener;
import dev.billingportal.adapter.in.rest.webhook.ApiWebhookPayloads;
import dev.billingportal.adapter.in.web.RateLimits;
import dev.billingportal.adapter.in.web.WebSettings;
import dev.billingportal.adapter.out.documents.CsvHistorySheets;
import dev.billingportal.adapter.out.documents.PdfInvoiceDocuments;
import dev.billingportal.adapter.out.mail.Mailers;
import dev.billingportal.adapter.out.messaging.Messaging;
import dev.billingportal.adapter.out.passkeys.WebAuthnPasskeyVerifier;
import dev.billingportal.adapter.out.passwords.Argon2idPasswordHasher;
import dev.billingportal.adapter.out.persistence.Database;
import dev.billingportal.adapter.out.persistence.JdbcSessionReads;
import dev.billingportal.adapter.out.persistence.JdbcTransactionHistory;
import dev.billingportal.adapter.out.persistence.JpaUnitOfWork;
import dev.billingportal.adapter.out.persistence.SecretSeal;
import dev.billingportal.adapter.out.persistence.SecretsKeyCheck;
import dev.billingportal.adapter.out.webhooks.HttpWebhookSender;
import dev.billingportal.application.port.in.access.AcceptInvitationUseCase;
import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.access.CheckLinkQuery;
import dev.billingportal.application.port.in.access.CompleteSignInUseCase;
import dev.billingportal.application.port.in.access.EnrolAuthenticatorUseCase;
import dev.billingportal.application.port.in.access.LogInUseCase;
import dev.billingportal.application.port.in.access.LogOutUseCase;
import dev.billingportal.application.port.in.access.OperatorLinksUseCase;
import dev.billingportal.application.port.in.access.OperatorProfileUseCase;
import dev.billingportal.application.port.in.access.PasskeyCeremonyUseCase;
import dev.billingportal.application.port.in.access.PasskeysUseCase;
import dev.billingportal.application.port.in.access.RecoveryCodesUseCase;
import dev.billingportal.application.port.in.access.RequestPasswordResetUseCase;
import dev.billingportal.application.port.in.access.ResetPasswordUseCase;
import dev.billingportal.application.port.in.access.SignInOperatorUseCase;
import dev.billingportal.application.port.in.access.SignInProgressQuery;
import dev.billingportal.application.port.in.access.SignOutOperatorUseCase;
import dev.billingportal.application.port.in.access.StepUpUseCase;
import dev.billingportal.application.port.in.account.CreateAccountUseCase;
import dev.billingportal.application.port.in.account.FindAccountsQuery;
import dev.billingportal.application.port.in.account.GetAccountQuery;
import dev.billingportal.application.port.in.apikey.CreateApiKeyUseCase;
import dev.billingportal.application.port.in.apikey.ListApiKeysQuery;
import dev.billingportal.application.port.in.apikey.RevokeApiKeyUseCase;
import dev.billingportal.application.port.in.apikey.RotateApiKeyUseCase;
import dev.billingportal.application.port.in.audit.ListAuditEventsQuery;
import dev.billingportal.application.port.in.audit.ListProviderAuditQuery;
import dev.billingportal.application.port.in.billing.ExportTransactionsQuery;
import dev.billingportal.application.port.in.billing.GetDashboardQuery;
import dev.billingportal.application.port.in.billing.GetInvoiceQuery;
import dev.billingportal.application.port.in.billing.GetTransactionQuery;
import dev.billingportal.application.port.in.billing.ListInvoicesQuery;
import dev.billingportal.application.port.in.billing.HistoryPageQuery;
import dev.billingportal.application.port.in.billing.ListTransactionsQuery;
import dev.billingportal.application.port.in.billing.PostTransactionUseCase;
import dev.billingportal.application.port.in.billing.RenderInvoiceQuery;
import dev.billingportal.application.port.in.billrun.BillRunsQuery;
import dev.billingportal.application.port.in.billrun.SubmitBillRunUseCase;
import dev.billingportal.application.port.in.notification.ListDeliveriesQuery;
import dev.billingportal.application.port.in.notification.ListNotificationsQuery;
import dev.billingportal.application.port.in.notification.NotificationStatsQuery;
import dev.billingportal.application.port.in.notification.RetryNotificationUseCase;
import dev.billingportal.application.port.in.operator.ChangeOperatorRoleUseCase;
import dev.billingportal.application.port.in.operator.DisableOperatorUseCase;
import dev.billingportal.application.port.in.operator.InviteOperatorCommand;
import dev.billingportal.application.port.in.operator.InviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ListOperatorsQuery;
import dev.billingportal.application.port.in.operator.ReinviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ResetSecondFactorUseCase;
import dev.billingportal.application.port.in.user.AddPortalUserUseCase;
import dev.billingportal.application.port.in.user.ChooseLanguageUseCase;
import dev.billingportal.application.port.in.user.DeletePortalUserUseCase;
import dev.billingportal.application.port.in.user.EditPortalUserUseCase;
import dev.billingportal.application.port.in.user.EndPortalUserSessionsUseCase;
import dev.billingportal.application.port.in.user.GetCurrentUserQuery;
import dev.billingportal.application.port.in.user.GetPortalUserQuery;
import dev.billingportal.application.port.in.user.ListPortalUsersQuery;
import dev.billingportal.application.port.in.user.ReinvitePortalUserUseCase;
import dev.billingportal.application.port.in.user.RestorePortalUserUseCase;
import dev.billingportal.application.port.in.webhook.FailedWebhooksQuery;
import dev.billingportal.application.port.in.webhook.ManageWebhookEndpointsUseCase;
import dev.billingportal.application.port.in.webhook.RetryFailedWebhookUseCase;
import dev.billingportal.application.port.in.webhook.WebhookEndpointsQuery;
import dev.billingportal.application.port.in.webhook.WebhookStatsQuery;
import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.port.out.NotificationQueue;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.webhook.AddressRules;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The composition root and its lifecycle. At startup — before Helidon opens the HTTP port — it takes the
 * open database (migrated) and the started broker ({@link BackingServices}, begun by the main while the
 * container booted), builds the services and, in the {@code all} and {@code worker} roles, starts the outbox
 * relay and the notification workers. At shutdown it stops
 * them in reverse order, workers first, so that no message is half-handled when the database closes.
 */
@ApplicationScoped
public class Portal {
    private static final Logger LOG = Logger.getLogger(Portal.class.getName());

    @Inject
    Config config;
    @Inject
    Clock clock;

    private PortalSettings settings;
    private Database database;
    private Messaging messaging;
    private OutboxRelay relay;
    private NotificationListener listener;
    private WebhookListener webhookListener;
    private WebhookScheduler webhookScheduler;
    private BillRunPoster billRunPoster;
    private HttpWebhookSender webhookSender;
    private Housekeeper housekeeper;
    private Mailer mailer;
    private PortalServices services;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION) @Initialized(ApplicationScoped.class) Object event) {
        settings = PortalSettings.from(config);
        LOG.info("Starting the Billing Portal: " + settings);
        if (settings.role().runsWorkers()
                && settings.messaging().consumers() >= settings.database().unitOfWorkPoolSize()) {
            LOG.warning("portal.notifications.workers (" + settings.messaging().consumers() + ") is not below the "
                    + settings.database().unitOfWorkPoolSize() + " connections of portal.db.pool-size ("
                    + settings.database().maxPoolSize() + ") that units of work use: each worker holds one while it "
                    + "sends, so slow mail can leave the API none");
        }
        try {
            Files.createDirectories(settings.dataDir());
            Optional<String> installationKey = OperatorTokenFile.resolve(settings.operatorToken(), settings.dataDir());
            SecretSeal seal = new SecretSeal(SecretsKeyFile.resolve(settings.secretsKey(), settings.dataDir()));
            BackingServices backing = BackingServices.begin(settings);
            try {
                database = backing.database();
                messaging = backing.broker();
            } catch (RuntimeException failure) {
                try {
                    backing.closeQuietly(); // whichever of the two did open
                } catch (RuntimeException closing) {
                    failure.addSuppressed(closing);
                }
                database = null;
                messaging = null;
                throw failure;
            }
            NotificationQueue queue = messaging != null ? messaging.queue() : (notifications, webhooks) -> {
                throw new IllegalStateException("The api role has no broker; workers relay the outbox");
            };
            SecretsKeyCheck.verify(database.dataSource(), seal, clock.instant());
            JpaUnitOfWork unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
            OutboxRelayHolder relayHolder = new OutboxRelayHolder();
            billRunPoster = new BillRunPoster(settings.billRuns().workers(), settings.billRuns().pollInterval());
            mailer = Mailers.create(settings.mail(), clock);
            webhookSender = new HttpWebhookSender(new AddressRules(settings.webhooks().allowedNetworks()),
                    HttpWebhookSender.Limits.SPEC, clock);
            services = new PortalServices(settings, installationKey, seal, unitOfWork,
                    new JdbcTransactionHistory(database.reads()), new JdbcSessionReads(database.reads()),
                    queue,
                    Optional.ofNullable(messaging).map(Messaging::deadLetters), mailer, new Argon2idPasswordHasher(),
                    new PdfInvoiceDocuments(), new CsvHistorySheets(),
                    new WebAuthnPasskeyVerifier(URI.create(settings.baseUrl())), new ApiWebhookPayloads(),
                    webhookSender, relayHolder::wakeUp, billRunPoster, clock);
            // Every process posts bill runs, an api process too (spec §14): it needs only the database.
            billRunPoster.start(services.postBillRuns);
            if (settings.role().runsWorkers()) {
                relay = new OutboxRelay(services.relayOutbox, settings.outboxPollInterval(), settings.outboxBatchSize());
                relayHolder.relay = relay;
                relay.start();
                listener = new NotificationListener(messaging.connections(), services.deliverNotification,
                        settings.messaging().consumers(), messaging::brokerConforms);
                listener.start();
                webhookListener = new WebhookListener(messaging.connections(), services.deliverWebhook,
                        settings.webhooks().workers(), messaging::brokerConforms);
                webhookListener.start();
                webhookScheduler = new WebhookScheduler(services.queueDueWebhooks,
                        settings.webhooks().schedulerInterval(), settings.webhooks().batchSize());
                webhookScheduler.start();
                housekeeper = new Housekeeper(services.sweepStalled, services.tidyDeadLetters, services.retention,
                        settings.housekeeping().interval(), PortalServices.HOUSEKEEPING_BATCH);
                housekeeper.start();
            }
            if (settings.demo()) {
                seedDemo(settings);
            }
            LOG.info("Billing Portal started in role " + settings.role().name().toLowerCase(java.util.Locale.ROOT)
                    + "; data in " + settings.dataDir());
        } catch (java.io.IOException failure) {
            stopQuietly();
            throw new java.io.UncheckedIOException(failure);
        } catch (RuntimeException failure) {
            stopQuietly();
            throw failure;
        }
    }

    /**
     * Demo mode: the demo account, in a portal of one process only (role {@code all}) whose database holds no account
     * yet — a demo flag left in a real configuration stops the start instead of writing into real data.
     */
    private void seedDemo(PortalSettings settings) {
        if (settings.role() != Role.ALL) {
            throw new IllegalStateException("portal.demo runs in role all only, not " + settings.role());
        }
        var created = timed("Demo account seeded", services.seedDemo::seed);
        LOG.info("Demo account " + created.account().number().value() + " (" + created.account().name().value()
                + "): the invitation of " + created.firstUser().username().value() + " is in "
                + settings.mail().mailDir());
        // The provider's side of the demo: an administrator of the billing team, invited as the installation's
        // first administrator would be (README), their invitation to the console mailed beside Alice's.
        Operator operator = services.operators.invite(InviteOperatorCommand.of(Actor.INSTALLATION,
                DEMO_OPERATOR_EMAIL, "Olivia Ouellet", "admin", "fr-CA", "America/Montreal"));
        LOG.info("Demo operator " + operator.email().value() + " (admin): the invitation to the console is in "
                + settings.mail().mailDir());
    }

    /** The demo's administrator on the provider's side (./portal.sh demo prints her console invitation). */
    static final String DEMO_OPERATOR_EMAIL = "olivia.ouellet@provider.example";

    private static <T> T timed(String what, Supplier<T> step) {
        long started = System.nanoTime();
        T result = step.get();
        LOG.info(what + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return result;
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopQuietly();
        LOG.info("Billing Portal stopped");
    }

    private synchronized void stopQuietly() {
        if (billRunPoster != null) {
            billRunPoster.close();
            billRunPoster = null;
        }
        if (housekeeper != null) {
            housekeeper.close();
            housekeeper = null;
        }
        if (relay != null) {
            relay.close();
            relay = null;
        }
        if (webhookScheduler != null) {
            webhookScheduler.close();
            webhookScheduler = null;
        }
        if (listener != null) {
            listener.close();
            listener = null;
        }
        if (webhookListener != null) {
            webhookListener.close();
            webhookListener = null;
        }
        if (webhookSender != null) { // after its workers: no attempt is under way any more
            try {
                webhookSender.close();
            } catch (java.io.IOException failure) {
                LOG.log(Level.FINE, "Closing the webhook connections failed", failure);
            }
            webhookSender = null;
        }
        if (messaging != null) {
            messaging.close();
            messaging = null;
        }
        if (mailer instanceof AutoCloseable connections) { // after the workers: no send is under way any more
            try {
                connections.close();
            } catch (Exception failure) {
                LOG.log(Level.FINE, "Closing the SMTP connections failed", failure);
            }
            mailer = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** In the api role no relay runs here: commits are picked up by a worker's polling instead. */
    private static final class OutboxRelayHolder {
        volatile OutboxRelay relay;

        void wakeUp() {
            OutboxRelay current = relay;
            if (current != null) {
                current.wakeUp();
            }
        }
    }

    public PortalSettings settings() {
        return settings;
    }

    public Optional<Database> database() {
        return Optional.ofNullable(database);
    }

    public Optional<Messaging> messaging() {
        return Optional.ofNullable(messaging);
    }

    public Optional<NotificationListener> listener() {
        return Optional.ofNullable(listener);
    }

    public Optional<WebhookListener> webhookListener() {
        return Optional.ofNullable(webhookListener);
    }

    public Optional<OutboxRelay> relay() {
        return Optional.ofNullable(relay);
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    @Produces
    ManageWebhookEndpointsUseCase manageWebhookEndpoints() {
        return services.webhookEndpoints;
    }

    @Produces
    WebhookEndpointsQuery webhookEndpointsQuery() {
        return services.webhookEndpoints;
    }

    @Produces
    SubmitBillRunUseCase submitBillRun() {
        return services.submitBillRun;
    }

    @Produces
    BillRunsQuery billRuns() {
        return services.billRuns;
    }

    @Produces
    FailedWebhooksQuery failedWebhooks() {
        return services.failedWebhooks;
    }

    @Produces
    RetryFailedWebhookUseCase retryFailedWebhook() {
        return services.failedWebhooks;
    }

    @Produces
    WebhookStatsQuery webhookStats() {
        return services.webhookEndpoints;
    }

    @Produces
    CreateAccountUseCase createAccount() {
        return services.createAccount;
    }

    @Produces
    GetAccountQuery getAccount() {
        return services.getAccount;
    }

    @Produces
    FindAccountsQuery findAccounts() {
        return services.findAccounts;
    }

    @Produces
    AuthenticateCallerQuery authenticateCaller() {
        return services.authenticateCaller;
    }

    @Produces
    ListPortalUsersQuery listUsers() {
        return services.userQueries;
    }

    @Produces
    GetPortalUserQuery getUser() {
        return services.userQueries;
    }

    @Produces
    GetCurrentUserQuery currentUser() {
        return services.userQueries;
    }

    @Produces
    AddPortalUserUseCase addUser() {
        return services.addUser;
    }

    @Produces
    EditPortalUserUseCase editUser() {
        return services.editUser;
    }

    @Produces
    DeletePortalUserUseCase deleteUser() {
        return services.deleteUser;
    }

    @Produces
    ReinvitePortalUserUseCase reinviteUser() {
        return services.reinviteUser;
    }

    @Produces
    RestorePortalUserUseCase restoreUser() {
        return services.restoreUser;
    }

    @Produces
    LogInUseCase logIn() {
        return services.logIn;
    }

    @Produces
    LogOutUseCase logOut() {
        return services.logOut;
    }

    @Produces
    AcceptInvitationUseCase acceptInvitation() {
        return services.acceptInvitation;
    }

    @Produces
    RequestPasswordResetUseCase requestPasswordReset() {
        return services.requestPasswordReset;
    }

    @Produces
    ResetPasswordUseCase resetPassword() {
        return services.resetPassword;
    }

    @Produces
    ListAuditEventsQuery auditEvents() {
        return services.auditEvents;
    }

    @Produces
    PostTransactionUseCase postTransaction() {
        return services.postTransaction;
    }

    @Produces
    GetTransactionQuery getTransaction() {
        return services.transactionQueries;
    }

    @Produces
    ListTransactionsQuery listTransactions() {
        return services.transactionQueries;
    }

    @Produces
    HistoryPageQuery historyPages() {
        return services.transactionQueries;
    }

    @Produces
    ExportTransactionsQuery exportTransactions() {
        return services.transactionQueries;
    }

    @Produces
    ListInvoicesQuery listInvoices() {
        return services.invoiceQueries;
    }

    @Produces
    GetInvoiceQuery getInvoice() {
        return services.invoiceQueries;
    }

    @Produces
    RenderInvoiceQuery renderInvoice() {
        return services.invoiceQueries;
    }

    @Produces
    GetDashboardQuery dashboard() {
        return services.invoiceQueries;
    }

    @Produces
    ListNotificationsQuery listNotifications() {
        return services.notificationQueries;
    }

    @Produces
    ListDeliveriesQuery listDeliveries() {
        return services.notificationQueries;
    }

    @Produces
    NotificationStatsQuery notificationStats() {
        return services.notificationQueries;
    }

    @Produces
    RetryNotificationUseCase retryNotification() {
        return services.retryNotification;
    }

    @Produces
    WebSettings webSettings() {
        return settings.web();
    }

    @Produces
    RateLimits rateLimits() {
        return settings.rateLimits();
    }

    @Produces
    CheckLinkQuery checkLink() {
        return services.checkLink;
    }

    @Produces
    ChooseLanguageUseCase chooseLanguage() {
        return services.chooseLanguage;
    }

    @Produces
    EndPortalUserSessionsUseCase endPortalUserSessions() {
        return services.endUserSessions;
    }

    @Produces
    ListProviderAuditQuery providerAudit() {
        return services.audit;
    }

    @Produces
    InviteOperatorUseCase inviteOperator() {
        return services.operators;
    }

    @Produces
    ReinviteOperatorUseCase reinviteOperator() {
        return services.operators;
    }

    @Produces
    ChangeOperatorRoleUseCase changeOperatorRole() {
        return services.operators;
    }

    @Produces
    DisableOperatorUseCase disableOperator() {
        return services.operators;
    }

    @Produces
    ResetSecondFactorUseCase resetSecondFactor() {
        return services.operators;
    }

    @Produces
    ListOperatorsQuery listOperators() {
        return services.operators;
    }

    @Produces
    CreateApiKeyUseCase createApiKey() {
        return services.apiKeys;
    }

    @Produces
    RotateApiKeyUseCase rotateApiKey() {
        return services.apiKeys;
    }

    @Produces
    RevokeApiKeyUseCase revokeApiKey() {
        return services.apiKeys;
    }

    @Produces
    ListApiKeysQuery listApiKeys() {
        return services.apiKeys;
    }

    // The console's use cases (spec §11): the console's pages drive them; they are built and tested here already.

    @Produces
    SignInOperatorUseCase signInOperator() {
        return services.operatorSignIn;
    }

    @Produces
    SignInProgressQuery signInProgress() {
        return services.operatorSignIn;
    }

    @Produces
    CompleteSignInUseCase completeSignIn() {
        return services.operatorSignIn;
    }

    @Produces
    StepUpUseCase stepUp() {
        return services.operatorSignIn;
    }

    @Produces
    PasskeyCeremonyUseCase passkeyCeremony() {
        return services.operatorSignIn;
    }

    @Produces
    SignOutOperatorUseCase signOutOperator() {
        return services.operatorSignIn;
    }

    @Produces
    EnrolAuthenticatorUseCase enrolAuthenticator() {
        return services.enrolSecondFactor;
    }

    @Produces
    RecoveryCodesUseCase recoveryCodes() {
        return services.enrolSecondFactor;
    }

    @Produces
    PasskeysUseCase passkeys() {
        return services.enrolSecondFactor;
    }

    @Produces
    OperatorLinksUseCase operatorLinks() {
        return services.operatorLinks;
    }

    @Produces
    OperatorProfileUseCase operatorProfile() {
        return services.operatorProfile;
    }
}
