package dev.billingportal.bootstrap;

import dev.billingportal.adapter.in.rest.billrun.ApiBillRunLines;
import dev.billingportal.adapter.out.documents.CsvBillRunErrorSheets;
import dev.billingportal.adapter.out.persistence.JpaAccountSearch;
import dev.billingportal.adapter.out.persistence.JpaAccounts;
import dev.billingportal.adapter.out.persistence.JpaApiKeys;
import dev.billingportal.adapter.out.persistence.JpaAuditLog;
import dev.billingportal.adapter.out.persistence.JpaBillRuns;
import dev.billingportal.adapter.out.persistence.JpaConsoleSessions;
import dev.billingportal.adapter.out.persistence.JpaDeliveries;
import dev.billingportal.adapter.out.persistence.JpaInvoices;
import dev.billingportal.adapter.out.persistence.JpaLedgers;
import dev.billingportal.adapter.out.persistence.JpaLoginThrottles;
import dev.billingportal.adapter.out.persistence.JpaOneTimeTokens;
import dev.billingportal.adapter.out.persistence.JpaOperators;
import dev.billingportal.adapter.out.persistence.JpaOutbox;
import dev.billingportal.adapter.out.persistence.JpaPasskeys;
import dev.billingportal.adapter.out.persistence.JpaPortalUsers;
import dev.billingportal.adapter.out.persistence.JpaRecoveryCodes;
import dev.billingportal.adapter.out.persistence.JpaSessions;
import dev.billingportal.adapter.out.persistence.JpaTransactions;
import dev.billingportal.adapter.out.persistence.JpaUnitOfWork;
import dev.billingportal.adapter.out.persistence.JpaWebhookEndpoints;
import dev.billingportal.adapter.out.persistence.JpaWebhookMessages;
import dev.billingportal.adapter.out.persistence.SecretSeal;
import dev.billingportal.application.port.in.access.AcceptInvitationUseCase;
import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.access.CheckLinkQuery;
import dev.billingportal.application.port.in.access.LogInUseCase;
import dev.billingportal.application.port.in.access.LogOutUseCase;
import dev.billingportal.application.port.in.access.RequestPasswordResetUseCase;
import dev.billingportal.application.port.in.access.ResetPasswordUseCase;
import dev.billingportal.application.port.in.account.CreateAccountUseCase;
import dev.billingportal.application.port.in.account.FindAccountsQuery;
import dev.billingportal.application.port.in.account.GetAccountQuery;
import dev.billingportal.application.port.in.audit.ListAuditEventsQuery;
import dev.billingportal.application.port.in.billing.PostTransactionUseCase;
import dev.billingportal.application.port.in.billrun.BillRunsQuery;
import dev.billingportal.application.port.in.billrun.PostBillRunsUseCase;
import dev.billingportal.application.port.in.billrun.SubmitBillRunUseCase;
import dev.billingportal.application.port.in.demo.SeedDemoUseCase;
import dev.billingportal.application.port.in.notification.ApplyRetentionUseCase;
import dev.billingportal.application.port.in.notification.DeliverNotificationUseCase;
import dev.billingportal.application.port.in.notification.RelayOutboxUseCase;
import dev.billingportal.application.port.in.notification.RetryNotificationUseCase;
import dev.billingportal.application.port.in.notification.SweepStalledDeliveriesUseCase;
import dev.billingportal.application.port.in.notification.TidyDeadLettersUseCase;
import dev.billingportal.application.port.in.user.AddPortalUserUseCase;
import dev.billingportal.application.port.in.user.ChooseLanguageUseCase;
import dev.billingportal.application.port.in.user.DeletePortalUserUseCase;
import dev.billingportal.application.port.in.user.EditPortalUserUseCase;
import dev.billingportal.application.port.in.user.EndPortalUserSessionsUseCase;
import dev.billingportal.application.port.in.user.ReinvitePortalUserUseCase;
import dev.billingportal.application.port.in.user.RestorePortalUserUseCase;
import dev.billingportal.application.port.in.webhook.DeliverWebhookUseCase;
import dev.billingportal.application.port.in.webhook.QueueDueWebhooksUseCase;
import dev.billingportal.application.port.out.DeadLetters;
import dev.billingportal.application.port.out.HistorySheets;
import dev.billingportal.application.port.out.InvoiceDocuments;
import dev.billingportal.application.port.out.Mailer;
import dev.billingportal.application.port.out.NotificationQueue;
import dev.billingportal.application.port.out.PasskeyVerifier;
import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.application.port.out.SessionReads;
import dev.billingportal.application.port.out.TransactionHistory;
import dev.billingportal.application.port.out.WebhookPayloads;
import dev.billingportal.application.port.out.WebhookSender;
import dev.billingportal.application.service.access.AcceptInvitationService;
import dev.billingportal.application.service.access.AuthenticateCallerService;
import dev.billingportal.application.service.access.CheckLinkService;
import dev.billingportal.application.service.access.EnrolSecondFactorService;
import dev.billingportal.application.service.access.LogInService;
import dev.billingportal.application.service.access.LogOutService;
import dev.billingportal.application.service.access.OperatorLinksService;
import dev.billingportal.application.service.access.OperatorProfileService;
import dev.billingportal.application.service.access.OperatorSignInService;
import dev.billingportal.application.service.access.RequestPasswordResetService;
import dev.billingportal.application.service.access.ResetPasswordService;
import dev.billingportal.application.service.account.CreateAccountService;
import dev.billingportal.application.service.account.FindAccountsService;
import dev.billingportal.application.service.account.GetAccountService;
import dev.billingportal.application.service.apikey.ApiKeyService;
import dev.billingportal.application.service.audit.ListAuditEventsService;
import dev.billingportal.application.service.billing.InvoiceQueryService;
import dev.billingportal.application.service.billing.PostTransactionService;
import dev.billingportal.application.service.billing.TransactionPosting;
import dev.billingportal.application.service.billing.TransactionQueryService;
import dev.billingportal.application.service.billrun.BillRunsService;
import dev.billingportal.application.service.billrun.PostBillRunsService;
import dev.billingportal.application.service.billrun.SubmitBillRunService;
import dev.billingportal.application.service.demo.DemoAccountService;
import dev.billingportal.application.service.notification.DeliverNotificationService;
import dev.billingportal.application.service.notification.MailComposer;
import dev.billingportal.application.service.notification.NotificationQueryService;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.notification.RelayOutboxService;
import dev.billingportal.application.service.notification.RetentionService;
import dev.billingportal.application.service.notification.RetryNotificationService;
import dev.billingportal.application.service.notification.SweepStalledDeliveriesService;
import dev.billingportal.application.service.notification.TidyDeadLettersService;
import dev.billingportal.application.service.operator.OperatorAdministrationService;
import dev.billingportal.application.service.operator.SecurityNotices;
import dev.billingportal.application.service.user.AddPortalUserService;
import dev.billingportal.application.service.user.ChooseLanguageService;
import dev.billingportal.application.service.user.DeletePortalUserService;
import dev.billingportal.application.service.user.EditPortalUserService;
import dev.billingportal.application.service.user.EndPortalUserSessionsService;
import dev.billingportal.application.service.user.Invitations;
import dev.billingportal.application.service.user.PortalUserQueryService;
import dev.billingportal.application.service.user.ReinvitePortalUserService;
import dev.billingportal.application.service.user.RestorePortalUserService;
import dev.billingportal.application.service.webhook.DeliverWebhookService;
import dev.billingportal.application.service.webhook.FailedWebhooksService;
import dev.billingportal.application.service.webhook.QueueDueWebhooksService;
import dev.billingportal.application.service.webhook.WebhookEndpointDisabledNotice;
import dev.billingportal.application.service.webhook.WebhookEndpointService;
import dev.billingportal.application.service.webhook.WebhookRecorder;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.user.PortalUserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * The application services, built by hand from their ports — the whole object graph in one place.
 * CDI only hands the finished use cases to the REST resources (see {@link Portal}).
 */
final class PortalServices {
    /** How a customer's audit names the provider's side when portal.support.name is not set (spec §9). */
    static final String SUPPORT_NAME = "the billing team";

    /** Rows per housekeeping transaction: small, so that a chore never holds many locks at once. */
    static final int HOUSEKEEPING_BATCH = 200;

    final CreateAccountUseCase createAccount;
    final GetAccountQuery getAccount;
    final FindAccountsQuery findAccounts;
    final AuthenticateCallerQuery authenticateCaller;
    final RelayOutboxUseCase relayOutbox;
    final DeliverNotificationUseCase deliverNotification;
    final PortalUserQueryService userQueries;
    final AddPortalUserUseCase addUser;
    final EditPortalUserUseCase editUser;
    final DeletePortalUserUseCase deleteUser;
    final ReinvitePortalUserUseCase reinviteUser;
    final RestorePortalUserUseCase restoreUser;
    final LogInUseCase logIn;
    final LogOutUseCase logOut;
    final AcceptInvitationUseCase acceptInvitation;
    final RequestPasswordResetUseCase requestPasswordReset;
    final ResetPasswordUseCase resetPassword;
    final ListAuditEventsQuery auditEvents;
    final PostTransactionUseCase postTransaction;
    final TransactionQueryService transactionQueries;
    final InvoiceQueryService invoiceQueries;
    final NotificationQueryService notificationQueries;
    final RetryNotificationUseCase retryNotification;
    final CheckLinkQuery checkLink;
    final ChooseLanguageUseCase chooseLanguage;
    final SeedDemoUseCase seedDemo;
    final SweepStalledDeliveriesUseCase sweepStalled;
    final ApplyRetentionUseCase retention;
    /** Where this process has a broker. */
    final Optional<TidyDeadLettersUseCase> tidyDeadLetters;
    final EndPortalUserSessionsUseCase endUserSessions;
    final ListAuditEventsService audit;
    /** The provider's operators (spec §11): administration, and the console's sign-in, enrolment and profile. */
    final OperatorAdministrationService operators;
    final ApiKeyService apiKeys;
    final OperatorSignInService operatorSignIn;
    final EnrolSecondFactorService enrolSecondFactor;
    final OperatorLinksService operatorLinks;
    final OperatorProfileService operatorProfile;
    /** Webhooks (spec §13): the endpoints' management, the workers' attempts, the scheduler. */
    final WebhookEndpointService webhookEndpoints;
    final FailedWebhooksService failedWebhooks;
    final DeliverWebhookUseCase deliverWebhook;
    final QueueDueWebhooksUseCase queueDueWebhooks;
    /** Bill runs (spec §14): the file checked, its lines posted by every process's poster, the runs read. */
    final SubmitBillRunUseCase submitBillRun;
    final PostBillRunsUseCase postBillRuns;
    final BillRunsQuery billRuns;

    /** What the console's authenticator apps show as the account's issuer. */
    static final String TOTP_ISSUER = "Billing Console";

    PortalServices(PortalSettings settings, Optional<String> installationKey, SecretSeal seal, JpaUnitOfWork unitOfWork,
                   TransactionHistory history, SessionReads sessionReads, NotificationQueue queue, Optional<DeadLetters> deadLetters, Mailer mailer, PasswordHasher hasher,
                   InvoiceDocuments documents, HistorySheets sheets, PasskeyVerifier passkeyVerifier,
                   WebhookPayloads webhookPayloads, WebhookSender webhookSender, Runnable relayWakeUp,
                   BillRunPoster billRunPoster, Clock clock) {
        JpaAccounts accounts = new JpaAccounts(unitOfWork);
        JpaPortalUsers users = new JpaPortalUsers(unitOfWork);
        JpaDeliveries notifications = new JpaDeliveries(unitOfWork);
        JpaOneTimeTokens<PortalUserId> tokens = JpaOneTimeTokens.ofPortalUsers(unitOfWork);
        JpaOneTimeTokens<OperatorId> operatorTokens = JpaOneTimeTokens.ofOperators(unitOfWork);
        JpaOperators operatorStore = new JpaOperators(unitOfWork, seal);
        JpaConsoleSessions consoleSessions = new JpaConsoleSessions(unitOfWork);
        JpaRecoveryCodes recoveryCodes = new JpaRecoveryCodes(unitOfWork);
        JpaPasskeys passkeys = new JpaPasskeys(unitOfWork);
        JpaApiKeys apiKeyStore = new JpaApiKeys(unitOfWork);
        JpaOutbox outbox = new JpaOutbox(unitOfWork);
        JpaSessions sessions = new JpaSessions(unitOfWork);
        JpaLoginThrottles throttles = new JpaLoginThrottles(unitOfWork);
        JpaAuditLog auditLog = new JpaAuditLog(unitOfWork);
        JpaLedgers ledgers = new JpaLedgers(unitOfWork);
        JpaTransactions transactions = new JpaTransactions(unitOfWork);
        JpaInvoices invoices = new JpaInvoices(unitOfWork);
        NotificationRecorder recorder = new NotificationRecorder(notifications, unitOfWork, relayWakeUp);
        JpaWebhookEndpoints webhookEndpointStore = new JpaWebhookEndpoints(unitOfWork, seal);
        JpaWebhookMessages webhookMessages = new JpaWebhookMessages(unitOfWork);
        SecureRandom random = new SecureRandom();
        WebhookRecorder webhooks = new WebhookRecorder(webhookEndpointStore, webhookMessages, webhookPayloads,
                unitOfWork, relayWakeUp, random);
        Invitations invitations = new Invitations(users, recorder, auditLog);

        createAccount = new CreateAccountService(unitOfWork, accounts, invitations, auditLog, clock);
        getAccount = new GetAccountService(unitOfWork, accounts);
        findAccounts = new FindAccountsService(unitOfWork, new JpaAccountSearch(unitOfWork));
        authenticateCaller = new AuthenticateCallerService(installationKey, unitOfWork, sessions, sessionReads,
                consoleSessions, apiKeyStore, settings.sessions(), settings.console(), clock);
        relayOutbox = new RelayOutboxService(unitOfWork, outbox, queue, clock, settings.outboxBatchSize(),
                settings.outboxLease());
        deliverNotification = new DeliverNotificationService(unitOfWork, notifications, users, operatorStore,
                new MailComposer(tokens, operatorTokens, settings.baseUrl()), mailer, clock,
                settings.messaging().retryPolicy().maxAttempts());

        userQueries = new PortalUserQueryService(unitOfWork, accounts, users);
        addUser = new AddPortalUserService(unitOfWork, accounts, users, invitations, recorder, webhooks, clock);
        editUser = new EditPortalUserService(unitOfWork, users, auditLog, clock);
        deleteUser = new DeletePortalUserService(unitOfWork, accounts, users, sessions, tokens, recorder, webhooks,
                auditLog, clock);
        reinviteUser = new ReinvitePortalUserService(unitOfWork, accounts, users, tokens, recorder, auditLog, clock);
        restoreUser = new RestorePortalUserService(unitOfWork, accounts, users, recorder, webhooks, auditLog, clock);

        logIn = new LogInService(unitOfWork, users, throttles, sessions, hasher, auditLog, clock);
        logOut = new LogOutService(unitOfWork, sessions, users, auditLog, clock);
        acceptInvitation = new AcceptInvitationService(unitOfWork, tokens, users, hasher, auditLog, clock);
        requestPasswordReset = new RequestPasswordResetService(unitOfWork, users, accounts, notifications, recorder,
                auditLog, clock);
        resetPassword = new ResetPasswordService(unitOfWork, tokens, users, sessions, hasher, auditLog, clock);
        audit = new ListAuditEventsService(unitOfWork, auditLog,
                settings.web().supportName().orElse(SUPPORT_NAME));
        auditEvents = audit;
        endUserSessions = new EndPortalUserSessionsService(unitOfWork, users, sessions, auditLog, clock);

        TransactionPosting transactionPosting = new TransactionPosting(ledgers, transactions, invoices, recorder,
                webhooks, auditLog, users);
        postTransaction = new PostTransactionService(unitOfWork, accounts, ledgers, transactions, transactionPosting,
                clock);
        JpaBillRuns billRunStore = new JpaBillRuns(unitOfWork);
        submitBillRun = new SubmitBillRunService(unitOfWork, billRunStore, accounts, invoices, transactions, auditLog,
                new ApiBillRunLines(), billRunPoster::wakeUp, clock);
        postBillRuns = new PostBillRunsService(unitOfWork, billRunStore, accounts, ledgers, transactions,
                transactionPosting, billRunPoster.chunks(), settings.billRuns().lease(), clock);
        billRuns = new BillRunsService(unitOfWork, billRunStore, new CsvBillRunErrorSheets());
        transactionQueries = new TransactionQueryService(unitOfWork, accounts, users, transactions, history,
                sheets);
        invoiceQueries = new InvoiceQueryService(unitOfWork, accounts, users, invoices, ledgers, transactions, documents,
                clock);
        notificationQueries = new NotificationQueryService(unitOfWork, accounts, notifications, outbox, clock);
        retryNotification = new RetryNotificationService(unitOfWork, notifications, auditLog, relayWakeUp, clock);
        checkLink = new CheckLinkService(unitOfWork, tokens, users, clock);
        chooseLanguage = new ChooseLanguageService(unitOfWork, users, auditLog, clock);
        PortalSettings.Housekeeping chores = settings.housekeeping();
        sweepStalled = new SweepStalledDeliveriesService(unitOfWork, notifications, relayWakeUp, clock,
                chores.stalledAfter(), chores.maxStalls(), HOUSEKEEPING_BATCH);
        retention = new RetentionService(unitOfWork, outbox, notifications, auditLog, webhookMessages, clock,
                chores.keepOutboxEntries(), chores.keepNotifications(), chores.keepAudit(),
                chores.keepWebhookMessages(), HOUSEKEEPING_BATCH);
        tidyDeadLetters = deadLetters.map(dlq -> new TidyDeadLettersService(unitOfWork, notifications, dlq,
                HOUSEKEEPING_BATCH));
        operators = new OperatorAdministrationService(unitOfWork, operatorStore, operatorTokens, consoleSessions,
                recoveryCodes, passkeys, recorder, auditLog, clock);
        apiKeys = new ApiKeyService(unitOfWork, apiKeyStore, new SecurityNotices(operatorStore, recorder, auditLog),
                clock);
        operatorSignIn = new OperatorSignInService(unitOfWork, operatorStore, consoleSessions, settings.console(),
                throttles, recoveryCodes, passkeys, passkeyVerifier, hasher, auditLog, clock);
        enrolSecondFactor = new EnrolSecondFactorService(unitOfWork, operatorStore, consoleSessions,
                settings.console(), recoveryCodes, passkeys, passkeyVerifier, auditLog, TOTP_ISSUER, clock);
        operatorLinks = new OperatorLinksService(unitOfWork, operatorTokens, operatorStore, consoleSessions,
                notifications, recorder, hasher, auditLog, clock);
        operatorProfile = new OperatorProfileService(unitOfWork, operatorStore, consoleSessions, settings.console(),
                passkeys, recoveryCodes, throttles, hasher, auditLog, clock);
        PortalSettings.Webhooks webhookSettings = settings.webhooks();
        webhookEndpoints = new WebhookEndpointService(unitOfWork, accounts, webhookEndpointStore, webhookMessages,
                webhookPayloads, webhookSender, auditLog, relayWakeUp, clock, random, webhookSettings.insecureHosts());
        failedWebhooks = new FailedWebhooksService(unitOfWork, webhookEndpointStore, webhookMessages, auditLog,
                relayWakeUp, clock);
        deliverWebhook = new DeliverWebhookService(unitOfWork, webhookMessages, webhookEndpointStore, webhookSender,
                clock, random::nextDouble, new WebhookEndpointDisabledNotice(accounts, users, operatorStore, recorder));
        queueDueWebhooks = new QueueDueWebhooksService(unitOfWork, webhookMessages, relayWakeUp, clock,
                webhookSettings.batchSize());
        seedDemo = new DemoAccountService(unitOfWork, accounts, createAccount, addUser, postTransaction, users, hasher,
                clock);
    }
}
