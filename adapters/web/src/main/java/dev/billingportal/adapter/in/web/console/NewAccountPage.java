package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.NewAccountView;
import dev.billingportal.application.port.in.account.AccountCreated;
import dev.billingportal.application.port.in.account.CreateAccountCommand;
import dev.billingportal.application.port.in.account.CreateAccountUseCase;
import dev.billingportal.application.port.in.user.NewPortalUserInput;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.UsernameTaken;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.TimeZones;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/accounts/new}: an account with its first portal user, who is invited at once (spec §2, §12) — for
 * billing operators and administrators. The same command as the API's; every refused field is said beside it.
 */
public final class NewAccountPage {
    static final String PATH = AccountPage.PATH + "new";
    static final List<String> FIELDS = List.of("name", "accountNumber", "currency", "username", "firstName",
            "lastName", "timeZone", "language");

    private final Console console;
    private final CreateAccountUseCase create;

    public NewAccountPage(Console console, CreateAccountUseCase create) {
        this.console = console;
        this.create = create;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        mayCreate(visit);
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(field -> typed.put(field, ""));
        typed.put("currency", CreateAccountCommand.DEFAULT_CURRENCY.value());
        typed.put("timeZone", visit.operator().timeZone().getId());
        typed.put("language", Language.DEFAULT.tag());
        page(exchange, visit, 200, typed, true, Map.of());
    }

    public void submit(WebExchange exchange, Console.Visit visit) {
        mayCreate(visit);
        Forms form = exchange.form();
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(field -> typed.put(field, form.first(field).orElse("")));
        boolean notified = form.checked("billingNotifications");
        try {
            AccountCreated created = create.create(visit.actor(), CreateAccountCommand.of(
                    blank(typed, "accountNumber"), typed.get("name"), blank(typed, "currency"),
                    new NewPortalUserInput(typed.get("username"), null, typed.get("firstName"),
                            typed.get("lastName"), typed.get("timeZone"), notified, blank(typed, "language"))));
            exchange.redirect(AccountPage.PATH + created.account().id().value() + "?notice=created");
        } catch (UsernameTaken taken) {
            page(exchange, visit, 422, typed, notified, Map.of("username", visit.t().get("users.taken")));
        } catch (StateConflict numberTaken) { // the account number chosen is another account's
            page(exchange, visit, 422, typed, notified, Map.of("accountNumber",
                    visit.t().get("console.newAccount.numberTaken")));
        } catch (InvalidInput invalid) {
            page(exchange, visit, 422, typed, notified, Frame.fieldMessages(visit.t(), invalid.errors()));
        } catch (RuleViolation invalid) {
            page(exchange, visit, 422, typed, notified, Frame.fieldMessages(visit.t(), invalid.errors()));
        }
    }

    /** Support reads accounts but does not open them: the page is not offered, and a forged request is 403. */
    private static void mayCreate(Console.Visit visit) {
        if (!visit.actor().may(Permission.POST_BILLING)) {
            throw new AccessDenied("Opening an account needs the billing or admin role.");
        }
    }

    private static String blank(Map<String, String> typed, String field) {
        String value = typed.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    private void page(WebExchange exchange, Console.Visit visit, int status, Map<String, String> typed,
                      boolean notified, Map<String, String> errors) {
        console.page(exchange, status, "console/newaccount.jte", new NewAccountView(console.chrome(visit,
                "console.newAccount.title", "search"), typed, notified, TimeZones.all(), errors));
    }
}
