package dev.billingportal.adapter.in.web;

import dev.billingportal.adapter.in.web.console.Console;
import dev.billingportal.adapter.in.web.console.ConsoleRoutes;
import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.session.WebSessions;
import dev.billingportal.application.port.in.access.AuthenticateCallerQuery;
import dev.billingportal.application.port.in.access.CompleteSignInUseCase;
import dev.billingportal.application.port.in.access.EnrolAuthenticatorUseCase;
import dev.billingportal.application.port.in.access.OperatorLinksUseCase;
import dev.billingportal.application.port.in.access.OperatorProfileUseCase;
import dev.billingportal.application.port.in.access.PasskeyCeremonyUseCase;
import dev.billingportal.application.port.in.access.PasskeysUseCase;
import dev.billingportal.application.port.in.access.RecoveryCodesUseCase;
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
import dev.billingportal.application.port.in.billing.HistoryPageQuery;
import dev.billingportal.application.port.in.billing.ListInvoicesQuery;
import dev.billingportal.application.port.in.billing.ListTransactionsQuery;
import dev.billingportal.application.port.in.billing.PostTransactionUseCase;
import dev.billingportal.application.port.in.billing.RenderInvoiceQuery;
import dev.billingportal.application.port.in.billrun.BillRunsQuery;
import dev.billingportal.application.port.in.billrun.SubmitBillRunUseCase;
import dev.billingportal.application.port.in.notification.ListDeliveriesQuery;
import dev.billingportal.application.port.in.notification.ListNotificationsQuery;
import dev.billingportal.application.port.in.notification.RetryNotificationUseCase;
import dev.billingportal.application.port.in.operator.ChangeOperatorRoleUseCase;
import dev.billingportal.application.port.in.operator.DisableOperatorUseCase;
import dev.billingportal.application.port.in.operator.InviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ListOperatorsQuery;
import dev.billingportal.application.port.in.operator.ReinviteOperatorUseCase;
import dev.billingportal.application.port.in.operator.ResetSecondFactorUseCase;
import dev.billingportal.application.port.in.user.EndPortalUserSessionsUseCase;
import dev.billingportal.application.port.in.user.ListPortalUsersQuery;
import dev.billingportal.application.port.in.user.ReinvitePortalUserUseCase;
import dev.billingportal.application.port.in.user.RestorePortalUserUseCase;
import dev.billingportal.application.port.in.webhook.FailedWebhooksQuery;
import dev.billingportal.application.port.in.webhook.ManageWebhookEndpointsUseCase;
import dev.billingportal.application.port.in.webhook.RetryFailedWebhookUseCase;
import dev.billingportal.application.port.in.webhook.WebhookEndpointsQuery;
import dev.billingportal.domain.access.Actor;
import io.helidon.microprofile.server.RoutingPath;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The provider's console (spec §12), served under {@code /console} by the processes that serve the portal: the same
 * page machinery ({@link SharedFrame}) over the console's own sessions and guard. Its routing table is
 * {@link ConsoleRoutes}; this class only brings it the use cases.
 */
@ApplicationScoped
@RoutingPath("/")
public class WebConsole implements HttpService {
    @Inject
    WebSettings settings;
    @Inject
    SharedFrame frames;
    @Inject
    AuthenticateCallerQuery authenticate;
    @Inject
    SignInOperatorUseCase signIn;
    @Inject
    SignInProgressQuery signInProgress;
    @Inject
    CompleteSignInUseCase completeSignIn;
    @Inject
    EnrolAuthenticatorUseCase enrol;
    @Inject
    OperatorLinksUseCase links;
    @Inject
    SignOutOperatorUseCase signOut;
    @Inject
    OperatorProfileUseCase profiles;
    @Inject
    FindAccountsQuery findAccounts;
    @Inject
    GetDashboardQuery figures;
    @Inject
    ListPortalUsersQuery users;
    @Inject
    ListNotificationsQuery notifications;
    @Inject
    RestorePortalUserUseCase restore;
    @Inject
    ReinvitePortalUserUseCase reinvite;
    @Inject
    EndPortalUserSessionsUseCase endSessions;
    @Inject
    RetryNotificationUseCase retry;
    @Inject
    StepUpUseCase stepUp;
    @Inject
    RecoveryCodesUseCase recoveryCodes;
    @Inject
    ListDeliveriesQuery deliveries;
    @Inject
    ListProviderAuditQuery audit;
    @Inject
    ListOperatorsQuery operators;
    @Inject
    InviteOperatorUseCase inviteOperator;
    @Inject
    ChangeOperatorRoleUseCase changeRole;
    @Inject
    DisableOperatorUseCase disableOperator;
    @Inject
    ResetSecondFactorUseCase resetSecondFactor;
    @Inject
    ReinviteOperatorUseCase reinviteOperator;
    @Inject
    ListApiKeysQuery keys;
    @Inject
    CreateApiKeyUseCase createKey;
    @Inject
    RotateApiKeyUseCase rotateKey;
    @Inject
    RevokeApiKeyUseCase revokeKey;
    @Inject
    GetAccountQuery accounts;
    @Inject
    ListInvoicesQuery invoices;
    @Inject
    PostTransactionUseCase post;
    @Inject
    PasskeyCeremonyUseCase passkeyCeremonies;
    @Inject
    PasskeysUseCase passkeys;
    @Inject
    ListTransactionsQuery transactions;
    @Inject
    HistoryPageQuery historyPages;
    @Inject
    ExportTransactionsQuery exportTransactions;
    @Inject
    GetInvoiceQuery invoice;
    @Inject
    RenderInvoiceQuery renderInvoice;
    @Inject
    ListAuditEventsQuery accountAudit;
    @Inject
    CreateAccountUseCase createAccount;
    @Inject
    ManageWebhookEndpointsUseCase manageWebhooks;
    @Inject
    WebhookEndpointsQuery webhookQuery;
    @Inject
    FailedWebhooksQuery failedWebhooks;
    @Inject
    RetryFailedWebhookUseCase retryWebhook;
    @Inject
    SubmitBillRunUseCase submitBillRun;
    @Inject
    BillRunsQuery billRuns;

    @Override
    public void routing(HttpRules rules) {
        Frame frame = frames.frame();
        WebSessions<Actor.OperatorActor> sessions = new WebSessions<>(authenticate, settings,
                WebSessions.Channel.console(settings.secure()), Actor.OperatorActor.class);
        Console console = new Console(frame, sessions, profiles, signInProgress);
        new ConsoleRoutes(console, new ConsoleRoutes.UseCases(signIn, signInProgress, completeSignIn, enrol, links,
                signOut, profiles, findAccounts, figures, users, notifications, restore, reinvite, endSessions,
                retry, stepUp, recoveryCodes, deliveries, audit, operators, inviteOperator, changeRole,
                disableOperator, resetSecondFactor, reinviteOperator, keys, createKey, rotateKey, revokeKey, accounts,
                invoices, post, passkeyCeremonies, passkeys, transactions, historyPages, exportTransactions, invoice,
                renderInvoice, accountAudit, createAccount, manageWebhooks, webhookQuery, failedWebhooks, retryWebhook,
                submitBillRun, billRuns))
                .register(rules);
    }
}
