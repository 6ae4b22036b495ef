package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.DashboardView;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.GetDashboardQuery;
import dev.billingportal.application.port.in.billing.ListTransactionsQuery;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.domain.account.AccountId;

/** The Account Dashboard (spec §9). */
public final class DashboardPage {
    static final int LATEST = 5;

    private final Pages pages;
    private final GetDashboardQuery dashboard;
    private final ListTransactionsQuery transactions;

    public DashboardPage(Pages pages, GetDashboardQuery dashboard, ListTransactionsQuery transactions) {
        this.pages = pages;
        this.dashboard = dashboard;
        this.transactions = transactions;
    }

    public void show(WebExchange exchange, Pages.Visit visit) {
        AccountId account = visit.me().account().id();
        GetDashboardQuery.Dashboard figures = dashboard.get(visit.session().actor(), account);
        var latest = transactions.list(visit.session().actor(), account, TransactionFilter.none(),
                PageRequest.first(LATEST)).items();
        var t = visit.t();
        var formats = visit.formats();
        pages.page(exchange, 200, "dashboard.jte", new DashboardView(
                pages.chrome(visit, t.get("dashboard.title"), "dashboard"),
                figures.account().name().value(), figures.account().number().value(),
                formats.money(figures.balance().isNegative() ? figures.balance().negate() : figures.balance()),
                figures.balance().isNegative(), formats.money(figures.amountOverdue()),
                figures.amountOverdue().isPositive(),
                figures.lastInvoice().map(invoice -> BillingLabels.invoice(t, formats, invoice)),
                latest.stream().map(transaction -> BillingLabels.transaction(t, formats, transaction)).toList(),
                formats.zone().getId()));
    }
}
