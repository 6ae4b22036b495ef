package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.frame.NewestFirstPage;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.ConsoleAuditView;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.audit.ListProviderAuditQuery;
import dev.billingportal.application.port.in.audit.ProviderAuditFilter;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.user.FieldChange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /console/audit}: the provider's audit with its filters (spec §11, §12) — who (an operator, an API key, the
 * installation key) did what, when, on which account, and why. The filters are a GET form, read by the same
 * {@link ProviderAuditFilter} as the API's query parameters.
 */
public final class AuditPage {
    static final String PATH = "/console/audit";
    private static final int PAGE_SIZE = 50;
    private static final List<String> FIELDS = List.of("operatorId", "accountId", "action", "from", "to");

    private final Console console;
    private final ListProviderAuditQuery audit;

    public AuditPage(Console console, ListProviderAuditQuery audit) {
        this.console = console;
        this.audit = audit;
    }

    public void show(WebExchange exchange, Console.Visit visit) {
        Texts t = visit.t();
        Map<String, String> typed = new LinkedHashMap<>();
        FIELDS.forEach(field -> typed.put(field, exchange.query(field).map(String::strip).orElse("")));
        ConsoleAuditView.Filters filters = new ConsoleAuditView.Filters(typed.get("operatorId"),
                typed.get("accountId"), typed.get("action"), typed.get("from"), typed.get("to"));
        AuditLog.ProviderFilter filter;
        try {
            filter = ProviderAuditFilter.of(blankless(typed.get("operatorId")), blankless(typed.get("accountId")),
                    blankless(typed.get("action")), blankless(typed.get("from")), blankless(typed.get("to")));
        } catch (InvalidInput invalid) {
            console.page(exchange, 422, "console/audit.jte", new ConsoleAuditView(console.chrome(visit,
                    "console.audit.title", "audit"), filters, choices(t, filters.action()),
                    Frame.fieldMessages(t, invalid.errors()), List.of(), Optional.empty(), Optional.empty(),
                    visit.formats().zone().getId()));
            return;
        }
        String path = PATH + query(typed);
        NewestFirstPage.read(exchange, path, PAGE_SIZE, request -> audit.list(visit.actor(), filter, request))
                .ifPresent(read -> console.page(exchange, 200, "console/audit.jte", new ConsoleAuditView(
                        console.chrome(visit, "console.audit.title", "audit"), filters, choices(t, filters.action()),
                        Map.of(), read.page().items().stream().map(event -> row(t, visit.formats(), event, true)).toList(),
                        read.olderHref(), read.newestHref(), visit.formats().zone().getId())));
    }

    private static String blankless(String value) {
        return value.isEmpty() ? null : value;
    }

    /** The filters as a query string, for the pages' links: {@code ?action=USER_RESTORED&from=2026-11-01}. */
    private static String query(Map<String, String> typed) {
        String query = typed.entrySet().stream().filter(field -> !field.getValue().isEmpty())
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }

    private static List<ConsoleAuditView.Choice> choices(Texts t, String selected) {
        return Arrays.stream(AuditAction.values())
                .map(action -> new ConsoleAuditView.Choice(action.name(), t.get("console.audit.action."
                        + action.name()), action.name().equalsIgnoreCase(selected)))
                .toList();
    }

    /**
     * An audit event as the console's audit tables show it; {@code linkAccount}: with a link to its account's page
     * (not on that page itself).
     */
    static ConsoleAuditView.Row row(Texts t, Formats formats, AuditEvent event, boolean linkAccount) {
        String who = t.get("console.audit.actor." + event.actor().kind().name(), event.actor().name());
        String what = t.get("console.audit.action." + event.action().name())
                + event.subject().map(subject -> " · " + subject.label()).orElse("")
                + event.factor().map(factor -> " · " + t.get("console.audit.factor." + factor.name())).orElse("");
        String changes = event.changes().stream().map(AuditPage::change).collect(Collectors.joining("; "));
        return new ConsoleAuditView.Row(formats.localDateTime(event.occurredAt()), who, what,
                event.accountId().filter(account -> linkAccount).map(account -> AccountPage.PATH + account.value()),
                changes,
                event.reason().map(reason -> reason.value()).orElse(""));
    }

    private static String change(FieldChange change) {
        return change.field() + ": " + Optional.ofNullable(change.before()).orElse("—") + " → "
                + Optional.ofNullable(change.after()).orElse("—");
    }
}
