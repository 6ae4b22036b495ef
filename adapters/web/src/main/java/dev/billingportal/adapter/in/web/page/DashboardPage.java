package dev.billingportal.adapter.in.web.page;

import dev.billingportal.adapter.in.web.billing.BillingLabels;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.DashboardView;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.MonthChart;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.GetDashboardQuery;
import dev.billingportal.application.port.in.billing.ListTransactionsQuery;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.domain.account.AccountId;
import java.util.List;

/** The Account Dashboard (spec §9). */
public final class DashboardPage {
    static final int LATEST = 5;
    /** The chart's months: a year, this month included. */
    static final int MONTHS = 12;

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
                formats.zone().getId(), chart(formats, dashboard.lastMonths(visit.session().actor(), account, MONTHS))));
    }

    /** The last months' bars, scaled to the largest amount among them. */
    private static MonthChart chart(Formats formats, List<GetDashboardQuery.MonthTotals> months) {
        return MonthChart.of(months.stream().map(month -> new MonthChart.Amounts(formats.shortMonth(month.month()),
                formats.month(month.month()), month.invoiced().minor(), formats.money(month.invoiced()),
                month.paid().minor(), formats.money(month.paid()))).toList());
    }
}
