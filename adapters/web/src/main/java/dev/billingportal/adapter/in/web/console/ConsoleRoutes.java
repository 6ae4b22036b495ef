package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.billing.AccountBilling;
import dev.billingportal.adapter.in.web.billing.HistoryPage;
import dev.billingportal.adapter.in.web.billing.InvoicesPages;
import dev.billingportal.adapter.in.web.frame.Guard;
import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.webhooks.WebhooksPages;
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
import dev.billingportal.application.port.in.webhook.ManageWebhookEndpointsUseCase;
import dev.billingportal.application.port.in.webhook.FailedWebhooksQuery;
import dev.billingportal.application.port.in.webhook.RetryFailedWebhookUseCase;
import dev.billingportal.application.port.in.webhook.WebhookEndpointsQuery;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.failure.StepUpRequired;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;

/**
 * The console's routing table (spec §12). Every route goes through the console's own {@link Guard}: a portal user's
 * cookie opens nothing here, an operator's opens nothing on the customers' pages or the API.
 */
public final class ConsoleRoutes {
    /** The use cases the console's pages stand on. */
    public record UseCases(SignInOperatorUseCase signIn, SignInProgressQuery signInProgress,
                           CompleteSignInUseCase completeSignIn, EnrolAuthenticatorUseCase enrol,
                           OperatorLinksUseCase links, SignOutOperatorUseCase signOut,
                           OperatorProfileUseCase profiles, FindAccountsQuery findAccounts,
                           GetDashboardQuery figures, ListPortalUsersQuery users,
                           ListNotificationsQuery notifications, RestorePortalUserUseCase restore,
                           ReinvitePortalUserUseCase reinvite, EndPortalUserSessionsUseCase endSessions,
                           RetryNotificationUseCase retry, StepUpUseCase stepUp,
                           RecoveryCodesUseCase recoveryCodes, ListDeliveriesQuery deliveries,
                           ListProviderAuditQuery audit, ListOperatorsQuery operators,
                           InviteOperatorUseCase inviteOperator, ChangeOperatorRoleUseCase changeRole,
                           DisableOperatorUseCase disableOperator, ResetSecondFactorUseCase resetSecondFactor,
                           ReinviteOperatorUseCase reinviteOperator, ListApiKeysQuery keys,
                           CreateApiKeyUseCase createKey, RotateApiKeyUseCase rotateKey,
                           RevokeApiKeyUseCase revokeKey, GetAccountQuery accounts, ListInvoicesQuery invoices,
                           PostTransactionUseCase post, PasskeyCeremonyUseCase passkeyCeremonies,
                           PasskeysUseCase passkeys, ListTransactionsQuery transactions,
                           HistoryPageQuery historyPages, ExportTransactionsQuery exportTransactions,
                           GetInvoiceQuery invoice,
                           RenderInvoiceQuery renderInvoice, ListAuditEventsQuery accountAudit,
                           CreateAccountUseCase createAccount, ManageWebhookEndpointsUseCase manageWebhooks,
                           WebhookEndpointsQuery webhooks, FailedWebhooksQuery failedWebhooks,
                           RetryFailedWebhookUseCase retryWebhook, SubmitBillRunUseCase submitBillRun,
                           BillRunsQuery billRuns) {
    }

    /** A page for a signed-in operator. */
    @FunctionalInterface
    interface OperatorPage {
        void handle(WebExchange exchange, Console.Visit visit);
    }

    private final Console console;
    private final UseCases useCases;
    private final Guard<Actor.OperatorActor> guard;

    public ConsoleRoutes(Console console, UseCases useCases) {
        this.console = console;
        this.useCases = useCases;
        this.guard = new Guard<>(console.frame(), ConsoleSite.SITE, console.sessions(), console);
    }

    public void register(HttpRules rules) {
        SignInFlow signIn = new SignInFlow(console, useCases.signIn(), useCases.completeSignIn(),
                useCases.passkeyCeremonies(), useCases.enrol(), useCases.links(), useCases.signOut());
        HomePage home = new HomePage(console, useCases.findAccounts(), useCases.deliveries(),
                useCases.failedWebhooks(), useCases.audit());
        ProfilePage profile = new ProfilePage(console, useCases.profiles(), useCases.enrol(),
                useCases.recoveryCodes(), useCases.passkeyCeremonies(), useCases.passkeys());
        StepUpPage stepUp = new StepUpPage(console, useCases.stepUp(), useCases.passkeyCeremonies(),
                useCases.profiles());
        NotificationsPage failed = new NotificationsPage(console, useCases.deliveries(), useCases.retry(),
                useCases.failedWebhooks(), useCases.retryWebhook());
        AuditPage audit = new AuditPage(console, useCases.audit());
        OperatorsPage operators = new OperatorsPage(console, useCases.operators(), useCases.inviteOperator(),
                useCases.changeRole(), useCases.disableOperator(), useCases.resetSecondFactor(),
                useCases.reinviteOperator());
        TransactionFormPage transactions = new TransactionFormPage(console, useCases.accounts(), useCases.invoices(),
                useCases.post());
        ApiKeysPage keys = new ApiKeysPage(console, useCases.keys(), useCases.createKey(), useCases.rotateKey(),
                useCases.revokeKey());
        AccountPage account = new AccountPage(console, useCases.figures(), useCases.users(),
                useCases.notifications(), useCases.restore(), useCases.reinvite(), useCases.endSessions(),
                useCases.retry(), useCases.transactions(), useCases.invoices(), useCases.accountAudit());

        NewAccountPage newAccount = new NewAccountPage(console, useCases.createAccount());
        HistoryPage history = new HistoryPage(console.frame(), useCases.historyPages(),
                useCases.exportTransactions());
        InvoicesPages invoices = new InvoicesPages(console.frame(), useCases.invoices(), useCases.invoice(),
                useCases.renderInvoice());
        WebhooksPages webhooks = new WebhooksPages(console.frame(), useCases.manageWebhooks(), useCases.webhooks());
        BillRunsPage billRuns = new BillRunsPage(console, useCases.submitBillRun(), useCases.billRuns());

        rules.get(ConsoleSite.SIGN_IN, guard.open(signIn::showSignIn));
        rules.post(ConsoleSite.SIGN_IN, guard.open(signIn::submitSignIn));
        rules.get(SignInFlow.SECOND_FACTOR, guard.open(signIn::showSecondFactor));
        rules.post(SignInFlow.SECOND_FACTOR, guard.open(signIn::submitSecondFactor));
        rules.post(SignInFlow.PASSKEY, guard.open(signIn::submitPasskey));
        rules.get(SignInFlow.ENROLMENT, guard.open(signIn::showEnrolment));
        rules.post(SignInFlow.ENROLMENT, guard.open(signIn::submitEnrolment));
        rules.get("/console/invitation", guard.open(signIn::showInvitation));
        rules.post("/console/invitation", guard.open(signIn::acceptInvitation));
        rules.get(SignInFlow.RESET, guard.open(signIn::showReset));
        rules.post(SignInFlow.RESET, guard.open(signIn::submitReset));
        rules.post("/console/sign-out", guard.open(signIn::signOut));

        rules.get(ConsoleSite.HOME, signedIn(home::show));
        rules.get(ProfilePage.PATH, signedIn(profile::show));
        rules.post("/console/language", signedIn(profile::chooseLanguage));
        rules.post(ProfilePage.PATH + "/password", signedIn(profile::changePassword));
        rules.get(ProfilePage.AUTHENTICATOR, signedIn(profile::showAuthenticator));
        rules.post(ProfilePage.AUTHENTICATOR, signedIn(profile::confirmAuthenticator));
        rules.post(ProfilePage.PATH + "/recovery-codes", signedIn(profile::newRecoveryCodes));
        rules.get(ProfilePage.NEW_PASSKEY, signedIn(profile::showNewPasskey));
        rules.post(ProfilePage.PASSKEYS, signedIn(profile::registerPasskey));
        rules.post(ProfilePage.PASSKEYS + "/remove", signedIn(profile::removePasskey));
        rules.get(StepUpPage.PATH, signedIn(stepUp::show));
        rules.post(StepUpPage.PATH, signedIn(stepUp::submit));
        rules.post(StepUpPage.PASSKEY, signedIn(stepUp::submitPasskey));
        rules.get(NewAccountPage.PATH, signedIn(newAccount::show)); // before {accountId}, which "new" is not
        rules.post(NewAccountPage.PATH, signedIn(newAccount::submit));
        rules.get(AccountPage.PATH + "{accountId}", signedIn(account::show));
        rules.post(AccountPage.PATH + "{accountId}/users/{userId}/restore", signedIn(account::restore));
        rules.get(AccountPage.PATH + "{accountId}/transactions", signedIn((exchange, visit) ->
                history.show(exchange, billing(exchange, visit))));
        rules.get(AccountPage.PATH + "{accountId}/transactions.csv", signedIn((exchange, visit) ->
                history.csv(exchange, billing(exchange, visit))));
        rules.get(AccountPage.PATH + "{accountId}/invoices", signedIn((exchange, visit) ->
                invoices.list(exchange, billing(exchange, visit))));
        rules.get(AccountPage.PATH + "{accountId}/invoices/{invoiceId}", signedIn((exchange, visit) ->
                invoices.show(exchange, billing(exchange, visit))));
        rules.get(AccountPage.PATH + "{accountId}/invoices/{invoiceId}/pdf", signedIn((exchange, visit) ->
                invoices.pdf(exchange, billing(exchange, visit))));
        rules.get(AccountPage.PATH + "{accountId}/audit", signedIn(account::audit));
        rules.get(AccountPage.PATH + "{accountId}/transactions/new", signedIn(transactions::show));
        rules.post(AccountPage.PATH + "{accountId}/transactions", signedIn(transactions::submit));
        rules.post(AccountPage.PATH + "{accountId}/transactions/totals", signedIn(transactions::totals));
        rules.post(AccountPage.PATH + "{accountId}/users/{userId}/invitation", signedIn(account::reinvite));
        rules.post(AccountPage.PATH + "{accountId}/users/{userId}/sessions/end", signedIn(account::endSessions));
        rules.get(NotificationsPage.PATH, signedIn(failed::show));
        rules.get(AuditPage.PATH, signedIn(audit::show));
        rules.get(OperatorsPage.PATH, signedIn(operators::show));
        rules.post(OperatorsPage.PATH, signedIn(operators::invite));
        rules.post(OperatorsPage.PATH + "/{operatorId}/role", signedIn(operators::changeRole));
        rules.post(OperatorsPage.PATH + "/{operatorId}/disable", signedIn(operators::disable));
        rules.post(OperatorsPage.PATH + "/{operatorId}/second-factor-reset", signedIn(operators::resetSecondFactor));
        rules.post(OperatorsPage.PATH + "/{operatorId}/invitation", signedIn(operators::reinvite));
        rules.get(ApiKeysPage.PATH, signedIn(keys::show));
        rules.post(ApiKeysPage.PATH, signedIn(keys::create));
        rules.post(ApiKeysPage.PATH + "/{keyId}/rotation", signedIn(keys::rotate));
        rules.post(ApiKeysPage.PATH + "/{keyId}/revoke", signedIn(keys::revoke));
        rules.post(NotificationsPage.PATH + "/{deliveryId}/retry", signedIn(account::retry));
        rules.post(NotificationsPage.PATH + "/retry", signedIn(failed::retrySelected));
        rules.post(NotificationsPage.WEBHOOKS + "/{messageId}/retry", signedIn(failed::retryWebhook));
        rules.post(NotificationsPage.WEBHOOKS + "/retry", signedIn(failed::retrySelectedWebhooks));
        rules.get(BillRunsPage.PATH, signedIn(billRuns::list));
        rules.post(BillRunsPage.PATH, signedIn(billRuns::upload));
        rules.get(BillRunsPage.PATH + "/{runId}", signedIn(billRuns::show));
        rules.get(BillRunsPage.PATH + "/{runId}/errors.csv", signedIn(billRuns::errorsCsv));

        // The provider's own endpoints (administrators), and an account's as the billing team sees them.
        String provider = Console.WEBHOOKS;
        rules.get(provider, providerWebhooks(webhooks::list));
        rules.post(provider, providerWebhooks(webhooks::create));
        rules.get(provider + "/{endpointId}", providerWebhooks(webhooks::show));
        rules.post(provider + "/{endpointId}", providerWebhooks(webhooks::save));
        rules.post(provider + "/{endpointId}/test", providerWebhooks(webhooks::test));
        rules.post(provider + "/{endpointId}/secret-rotation", providerWebhooks(webhooks::rotate));
        rules.get(provider + "/{endpointId}/delete", providerWebhooks(webhooks::confirmDelete));
        rules.post(provider + "/{endpointId}/delete", providerWebhooks(webhooks::delete));
        rules.get(provider + "/{endpointId}/messages/{messageId}", providerWebhooks(webhooks::message));
        rules.post(provider + "/{endpointId}/messages/{messageId}/resend", providerWebhooks(webhooks::resend));
        String accounts = AccountPage.PATH + "{accountId}/webhooks";
        rules.get(accounts, accountWebhooks(webhooks::list));
        rules.get(accounts + "/{endpointId}", accountWebhooks(webhooks::show));
        rules.post(accounts + "/{endpointId}/test", accountWebhooks(webhooks::test));
        rules.get(accounts + "/{endpointId}/messages/{messageId}", accountWebhooks(webhooks::message));
        rules.post(accounts + "/{endpointId}/messages/{messageId}/resend", accountWebhooks(webhooks::resend));
    }

    private Handler providerWebhooks(WebhooksPages.Page page) {
        return signedIn((exchange, visit) -> page.handle(exchange, console.providerWebhooks(visit)));
    }

    /** The account in the path's endpoints; the account is read first, so another id is a 404 like a missing one. */
    private Handler accountWebhooks(WebhooksPages.Page page) {
        return signedIn((exchange, visit) -> page.handle(exchange, console.accountWebhooks(visit,
                useCases.accounts().get(visit.actor(), Console.accountIn(exchange)))));
    }

    /** The account in the path's billing, as the pages both sites share read it. */
    private AccountBilling billing(WebExchange exchange, Console.Visit visit) {
        return console.billing(visit, useCases.accounts().get(visit.actor(), Console.accountIn(exchange)));
    }

    /**
     * A page for a signed-in operator; one whose action needs a fresh second factor sends them to the step-up, and
     * back — to the page itself, or for a form, to the page the form was on.
     */
    private Handler signedIn(OperatorPage page) {
        return guard.signedIn((exchange, session) -> {
            try {
                page.handle(exchange, console.visit(session));
            } catch (StepUpRequired stale) {
                String back = exchange.isPost()
                        ? exchange.header("Referer").flatMap(SafeRedirects::pathOf).orElse(ConsoleSite.HOME)
                        : exchange.pathAndQuery();
                exchange.redirect(StepUpPage.to(back));
            }
        });
    }
}
