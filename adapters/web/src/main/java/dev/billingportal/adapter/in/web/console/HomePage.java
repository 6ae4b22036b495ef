package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.Chrome;
import dev.billingportal.adapter.in.web.view.ConsoleHomeView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.account.FindAccountsQuery;
import dev.billingportal.domain.account.AccountMatch;
import dev.billingportal.domain.failure.InvalidInput;
import java.util.List;
import java.util.Optional;

/** {@code /console}: one search box for what the caller on the phone knows (spec §12). */
public final class HomePage {
    private final Console console;
    private final FindAccountsQuery findAccounts;

    public HomePage(Console console, FindAccountsQuery findAccounts) {
        this.console = console;
        this.findAccounts = findAccounts;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        Chrome chrome = console.chrome(visit, "console.home.title", "search");
        Optional<String> query = exchange.query("q");
        if (query.isEmpty()) {
            console.page(exchange, 200, "console/home.jte", new ConsoleHomeView(chrome, "", false, List.of(),
                    Optional.empty()));
            return;
        }
        try {
            List<ConsoleHomeView.Found> found = findAccounts.find(visit.actor(), query.get()).stream()
                    .map(match -> found(match, visit.t())).toList();
            console.page(exchange, 200, "console/home.jte", new ConsoleHomeView(chrome, query.get(), true, found,
                    Optional.empty()));
        } catch (InvalidInput unusable) {
            console.page(exchange, 422, "console/home.jte", new ConsoleHomeView(chrome, query.get(), false,
                    List.of(), Optional.of(visit.t().get("console.search.invalid"))));
        }
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
        return new ConsoleHomeView.Found(match.account().id().value().toString(), match.account().number().value(), match.account().name().value(),
                match.account().currency().value(), matched);
    }
}
