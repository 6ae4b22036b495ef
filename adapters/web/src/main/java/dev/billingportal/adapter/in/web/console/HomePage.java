package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.ConsoleHomeView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.account.FindAccountsQuery;
import dev.billingportal.application.port.in.audit.ListProviderAuditQuery;
import dev.billingportal.application.port.in.notification.ListDeliveriesQuery;
import dev.billingportal.application.port.in.webhook.FailedWebhooksQuery;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.account.AccountMatch;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.notification.DeliveryStatus;
import java.util.List;
import java.util.Optional;

/**
 * {@code /console}: one search box for what the caller on the phone knows (spec §12), how many notifications and
 * webhook messages wait for a retry, and the operator's own latest actions (the provider's audit by its actor index).
 */
public final class HomePage {
    static final int RECENT = 5;

    private final Console console;
    private final FindAccountsQuery findAccounts;
    private final ListDeliveriesQuery deliveries;
    private final FailedWebhooksQuery failedWebhooks;
    private final ListProviderAuditQuery audit;

    public HomePage(Console console, FindAccountsQuery findAccounts, ListDeliveriesQuery deliveries,
                    FailedWebhooksQuery failedWebhooks, ListProviderAuditQuery audit) {
        this.console = console;
        this.findAccounts = findAccounts;
        this.deliveries = deliveries;
        this.failedWebhooks = failedWebhooks;
        this.audit = audit;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        Optional<String> query = exchange.query("q");
        if (query.isEmpty()) {
            page(exchange, visit, 200, "", false, List.of(), Optional.empty());
            return;
        }
        try {
            List<ConsoleHomeView.Found> found = findAccounts.find(visit.actor(), query.get()).stream()
                    .map(match -> found(match, visit.t())).toList();
            page(exchange, visit, 200, query.get(), true, found, Optional.empty());
        } catch (InvalidInput unusable) {
            page(exchange, visit, 422, query.get(), false, List.of(),
                    Optional.of(visit.t().get("console.search.invalid")));
        }
    }

    /** The page; the overview only before a search, so that a search's answer costs the search alone. */
    private void page(WebExchange exchange, Console.Visit visit, int status, String query, boolean searched,
                      List<ConsoleHomeView.Found> found, Optional<String> error) {
        Optional<ConsoleHomeView.Overview> overview = query.isEmpty() ? Optional.of(overview(visit))
                : Optional.empty();
        console.page(exchange, status, "console/home.jte", new ConsoleHomeView(console.chrome(visit,
                "console.home.title", "search"), query, searched, found, error, overview,
                visit.actor().may(Permission.POST_BILLING)));
    }

    private ConsoleHomeView.Overview overview(Console.Visit visit) {
        AuditLog.ProviderFilter mine = new AuditLog.ProviderFilter(Optional.of(visit.operator().id().value()),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return new ConsoleHomeView.Overview(deliveries.count(visit.actor(), DeliveryStatus.FAILED),
                failedWebhooks.count(visit.actor()),
                audit.list(visit.actor(), mine, PageRequest.first(RECENT)).items().stream()
                        .map(event -> AuditPage.row(visit.t(), visit.formats(), event, true)).toList());
    }

    private static ConsoleHomeView.Found found(AccountMatch match, Texts t) {
        String matched = switch (match.by()) {
            case ACCOUNT_NUMBER -> t.get("console.search.byNumber");
            case INVOICE_NUMBER -> t.get("console.search.byInvoice");
            case NAME -> t.get("console.search.byName");
            case USERNAME, EMAIL -> {
                AccountMatch.MatchedUser user = match.user().orElseThrow();
                yield t.get(user.deleted() ? "console.search.byDeletedUser" : "console.search.byUser",
                        user.username());
            }
        };
        return new ConsoleHomeView.Found(match.account().id().value().toString(), match.account().number().value(),
                match.account().name().value(), match.account().currency().value(), matched);
    }
}
