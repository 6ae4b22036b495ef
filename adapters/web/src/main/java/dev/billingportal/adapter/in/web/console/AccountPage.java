package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.billing.BillingLabels;
import dev.billingportal.adapter.in.web.frame.NewestFirstPage;
import dev.billingportal.adapter.in.web.frame.PathIds;
import dev.billingportal.adapter.in.web.http.SafeRedirects;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.ConsoleAccountAuditView;
import dev.billingportal.adapter.in.web.view.ConsoleAccountView;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.NotificationWords;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.audit.ListAuditEventsQuery;
import dev.billingportal.application.port.in.billing.GetDashboardQuery;
import dev.billingportal.application.port.in.billing.ListInvoicesQuery;
import dev.billingportal.application.port.in.billing.ListTransactionsQuery;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.application.port.in.notification.BillingNotification;
import dev.billingportal.application.port.in.notification.ListNotificationsQuery;
import dev.billingportal.application.port.in.notification.RetryNotificationCommand;
import dev.billingportal.application.port.in.notification.RetryNotificationUseCase;
import dev.billingportal.application.port.in.user.EndPortalUserSessionsUseCase;
import dev.billingportal.application.port.in.user.ListPortalUsersQuery;
import dev.billingportal.application.port.in.user.PortalUserCommand;
import dev.billingportal.application.port.in.user.ReinvitePortalUserUseCase;
import dev.billingportal.application.port.in.user.RestorePortalUserUseCase;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.DeliveryId;
import dev.billingportal.domain.notification.DeliveryStatus;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.UserStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/accounts/{id}}: the account the caller on the phone belongs to (spec §12) — its figures, every user
 * (deleted ones too) with "Restore" (a reason required), "Resend invitation" and "End sessions", and its latest
 * billing notifications with "Retry" on a failed one, its latest transactions and invoices (the pages both sites share
 * have them all, with the history's filters and CSV and the invoices' PDF), and its audit. Every action is a plain
 * form: POST, then back here with a notice.
 */
public final class AccountPage {
    static final String PATH = "/console/accounts/";
    /** The latest notifications shown here; the console's notifications page has them all. */
    static final int NOTIFICATIONS = 10;
    /** The latest transactions and invoices shown here; their own pages have them all. */
    static final int LATEST = 5;
    static final int AUDIT_PAGE = 50;

    private final Console console;
    private final GetDashboardQuery figures;
    private final ListPortalUsersQuery users;
    private final ListNotificationsQuery notifications;
    private final RestorePortalUserUseCase restore;
    private final ReinvitePortalUserUseCase reinvite;
    private final EndPortalUserSessionsUseCase endSessions;
    private final RetryNotificationUseCase retry;
    private final ListTransactionsQuery transactions;
    private final ListInvoicesQuery invoices;
    private final ListAuditEventsQuery audit;

    public AccountPage(Console console, GetDashboardQuery figures, ListPortalUsersQuery users,
                       ListNotificationsQuery notifications, RestorePortalUserUseCase restore,
                       ReinvitePortalUserUseCase reinvite, EndPortalUserSessionsUseCase endSessions,
                       RetryNotificationUseCase retry, ListTransactionsQuery transactions,
                       ListInvoicesQuery invoices, ListAuditEventsQuery audit) {
        this.console = console;
        this.figures = figures;
        this.users = users;
        this.notifications = notifications;
        this.restore = restore;
        this.reinvite = reinvite;
        this.endSessions = endSessions;
        this.retry = retry;
        this.transactions = transactions;
        this.invoices = invoices;
        this.audit = audit;
    }

    /** {@code /console/accounts/{id}/audit}: the account's audit, both sides' actions, newest first. */
    public void audit(WebExchange exchange, Console.Visit visit) {
        AccountId account = Console.accountIn(exchange);
        GetDashboardQuery.Dashboard dashboard = figures.get(visit.actor(), account);
        NewestFirstPage.read(exchange, PATH + account.value() + "/audit", AUDIT_PAGE,
                request -> audit.list(visit.actor(), account, request)).ifPresent(read -> console.page(exchange, 200,
                "console/accountaudit.jte", new ConsoleAccountAuditView(console.chrome(visit,
                        "console.account.auditTitle", "search"), PATH + account.value(),
                        dashboard.account().name().value(), read.page().items().stream()
                        .map(event -> AuditPage.row(visit.t(), visit.formats(), event, false)).toList(), read.olderHref(),
                        read.newestHref(), visit.formats().zone().getId())));
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        AccountId account = Console.accountIn(exchange);
        Optional<String> notice = exchange.query("notice").filter(code -> code.matches("[a-z-]{1,30}"))
                .filter(code -> visit.t().has("console.account.notice." + code))
                .map(code -> visit.t().get("console.account.notice." + code));
        render(exchange, visit, account, 200, notice, Map.of(), Map.of());
    }

    /** Restores a deleted user; the console asks why, and the audit keeps it. */
    public void restore(WebExchange exchange, Console.Visit visit) {
        AccountId account = Console.accountIn(exchange);
        PortalUserId user = user(exchange);
        String reason = exchange.form().first("reason").orElse("").strip();
        if (reason.isEmpty()) {
            refuseReason(exchange, visit, account, user, reason);
            return;
        }
        try {
            restore.restore(PortalUserCommand.of(visit.actor(), account, user, reason));
        } catch (InvalidInput unusable) {
            refuseReason(exchange, visit, account, user, reason);
            return;
        }
        exchange.redirect(PATH + account.value() + "?notice=restored#users");
    }

    private void refuseReason(WebExchange exchange, Console.Visit visit, AccountId account, PortalUserId user,
                              String reason) {
        render(exchange, visit, account, 422, Optional.empty(),
                Map.of(user.value().toString(), visit.t().get("console.account.reasonRequired")),
                Map.of(user.value().toString(), reason));
    }

    public void reinvite(WebExchange exchange, Console.Visit visit) {
        AccountId account = Console.accountIn(exchange);
        reinvite.reinvite(new PortalUserCommand(visit.actor(), account, user(exchange)));
        exchange.redirect(PATH + account.value() + "?notice=reinvited#users");
    }

    public void endSessions(WebExchange exchange, Console.Visit visit) {
        AccountId account = Console.accountIn(exchange);
        endSessions.endSessions(new PortalUserCommand(visit.actor(), account, user(exchange)));
        exchange.redirect(PATH + account.value() + "?notice=sessions-ended#users");
    }

    /**
     * Queues a failed notification again (any account's: support may retry any); back to the page it was asked
     * from, this account's or the console's list of failures.
     */
    public void retry(WebExchange exchange, Console.Visit visit) {
        DeliveryId delivery = new DeliveryId(PathIds.of(exchange, "deliveryId", "The notification"));
        retry.retry(new RetryNotificationCommand(visit.actor(), delivery));
        String back = SafeRedirects.target(exchange.form().first("back").orElse(ConsoleSite.HOME), ConsoleSite.HOME);
        exchange.redirect(back.contains("?") ? back : back + "?notice=retried#notifications");
    }

    private void render(WebExchange exchange, Console.Visit visit, AccountId account, int status,
                        Optional<String> notice, Map<String, String> reasonErrors, Map<String, String> reasons) {
        Texts t = visit.t();
        Formats formats = visit.formats();
        GetDashboardQuery.Dashboard dashboard = figures.get(visit.actor(), account);
        Money balance = dashboard.balance();
        List<ConsoleAccountView.User> rows = users.list(visit.actor(), account, true).stream()
                .map(user -> row(t, user, reasons, reasonErrors)).toList();
        List<ConsoleAccountView.Notification> latest = notifications.withEvents(visit.actor(), account,
                PageRequest.first(NOTIFICATIONS)).items().stream().map(item -> notification(t, formats, item))
                .toList();
        ConsoleAccountView.Billing billing = new ConsoleAccountView.Billing(transactions.list(visit.actor(),
                account, TransactionFilter.none(), PageRequest.first(LATEST)).items().stream()
                .map(transaction -> BillingLabels.transaction(t, formats, transaction)).toList(),
                invoices.list(visit.actor(), account, PageRequest.first(LATEST)).items().stream()
                        .map(invoice -> BillingLabels.invoice(t, formats, invoice)).toList(),
                audit.list(visit.actor(), account, PageRequest.first(LATEST)).items().stream()
                        .map(event -> AuditPage.row(t, formats, event, false)).toList(), formats.zone().getId());
        console.page(exchange, status, "console/account.jte", new ConsoleAccountView(
                console.chrome(visit, "console.account.title", "search"), account.value().toString(),
                dashboard.account().number().value(), dashboard.account().name().value(),
                dashboard.account().currency().value(), formats.money(balance.isNegative() ? balance.negate()
                : balance), balance.isNegative(), formats.money(dashboard.amountOverdue()), rows, latest, billing, notice,
                visit.actor().may(Permission.POST_BILLING)));
    }

    private static ConsoleAccountView.User row(Texts t, PortalUser user, Map<String, String> reasons,
                                               Map<String, String> reasonErrors) {
        String id = user.id().value().toString();
        String status = user.status().name().toLowerCase(Locale.ROOT);
        return new ConsoleAccountView.User(id, user.username().value(), user.firstName().value() + " "
                + user.lastName().value(), t.get("console.user.status." + status), "badge--" + status,
                user.status() == UserStatus.DELETED, user.status() == UserStatus.INVITED,
                user.status() == UserStatus.ACTIVE, reasons.getOrDefault(id, ""),
                Optional.ofNullable(reasonErrors.get(id)));
    }

    private static ConsoleAccountView.Notification notification(Texts t, Formats formats, BillingNotification item) {
        Delivery delivery = item.delivery();
        String status = delivery.status().name();
        return new ConsoleAccountView.Notification(delivery.id().value().toString(),
                formats.localDateTime(delivery.createdAt()), NotificationWords.what(t, formats, item.event()),
                delivery.recipientEmail().value(), t.get("notifications.status." + status),
                "badge--" + status.toLowerCase(Locale.ROOT), NotificationWords.detail(t, formats, delivery),
                delivery.status() == DeliveryStatus.FAILED);
    }

    private static PortalUserId user(WebExchange exchange) {
        return new PortalUserId(PathIds.of(exchange, "userId", "The portal user"));
    }
}
