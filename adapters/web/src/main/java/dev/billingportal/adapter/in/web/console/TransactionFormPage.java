package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.OperatorsView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.adapter.in.web.view.TransactionFormView;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.account.GetAccountQuery;
import dev.billingportal.application.port.in.billing.InvoiceInput;
import dev.billingportal.application.port.in.billing.ListInvoicesQuery;
import dev.billingportal.application.port.in.billing.PostTransactionCommand;
import dev.billingportal.application.port.in.billing.PostTransactionUseCase;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Decimal;
import dev.billingportal.domain.billing.InvoiceArithmetic;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.TransactionHeadline;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.StateConflict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /console/accounts/{id}/transactions/new} (billing and administrators, spec §12): one transaction of any of
 * the four types, with a reason. For an invoice the operator types lines (description, quantity, unit price) and
 * taxes (name, rate); the server computes every amount with the domain's own arithmetic ({@link InvoiceArithmetic})
 * and shows them — "Update the totals" without JavaScript, as the operator types with htmx — and posts them. The
 * form carries an idempotency key made when it was shown, so a form sent twice posts once.
 */
public final class TransactionFormPage {
    static final int MIN_LINES = 3;
    static final int MAX_LINES = 50;
    static final int TAXES = 3;
    /** A refusal's path into an invoice's rows: {@code invoice.lines[2].quantity}. */
    private static final Pattern ROW = Pattern.compile("invoice\\.(lines|taxes)\\[(\\d+)\\](.*)");

    private final Console console;
    private final GetAccountQuery accounts;
    private final ListInvoicesQuery invoices;
    private final PostTransactionUseCase post;

    public TransactionFormPage(Console console, GetAccountQuery accounts, ListInvoicesQuery invoices,
                               PostTransactionUseCase post) {
        this.console = console;
        this.accounts = accounts;
        this.invoices = invoices;
        this.post = post;
    }

    /** The form, empty, of the type asked for (an invoice by default). */
    public void show(WebExchange exchange, Console.Visit visit) {
        ProviderAccessPolicy.require(visit.actor(), Permission.POST_BILLING);
        Account account = accounts.get(visit.actor(), Console.accountIn(exchange));
        String type = type(exchange.query("type").orElse("INVOICE"));
        render(exchange, visit, account, 200, type, UUID.randomUUID().toString(), Map.of(), MIN_LINES,
                Map.of());
    }

    /** Posts, or — for "Update the totals" and "Add a line" — shows the form again with its figures. */
    public void submit(WebExchange exchange, Console.Visit visit) {
        ProviderAccessPolicy.require(visit.actor(), Permission.POST_BILLING);
        Account account = accounts.get(visit.actor(), Console.accountIn(exchange));
        String type = type(exchange.form().first("type").orElse("INVOICE"));
        String key = exchange.form().first("idempotencyKey").filter(value -> !value.isBlank())
                .orElse(UUID.randomUUID().toString());
        Map<String, String> values = values(exchange);
        int lines = lineCount(exchange);
        String action = exchange.form().first("action").orElse("post");
        if (action.equals("add-line")) {
            render(exchange, visit, account, 200, type, key, values, Math.min(MAX_LINES, lines + 1), Map.of());
            return;
        }
        if (action.equals("totals")) {
            render(exchange, visit, account, 200, type, key, values, lines, Map.of());
            return;
        }
        String reason = values.getOrDefault("reason", "");
        if (reason.isBlank()) {
            render(exchange, visit, account, 422, type, key, values, lines,
                    Map.of("reason", visit.t().get("console.account.reasonRequired")));
            return;
        }
        Figures figures = Figures.of(values, lines, account.currency());
        Rows rows = Rows.of(values, lines);
        TransactionInput input = type.equals("INVOICE")
                ? new TransactionInput(type, figures.total().map(Money::decimal).map(Object::toString).orElse(""),
                null, null, blank(values.get("reference")), blank(values.get("description")), null,
                invoiceInput(values, rows, figures))
                : new TransactionInput(type, values.getOrDefault("amount", ""), null, null,
                blank(values.get("reference")), blank(values.get("description")), blank(values.get("invoiceId")),
                null);
        try {
            post.post(PostTransactionCommand.of(visit.actor(), account.id(), key, input, reason));
        } catch (InvalidInput invalid) {
            render(exchange, visit, account, 422, type, key, values, lines, errors(visit.t(), invalid.errors(), rows));
            return;
        } catch (StateConflict taken) {
            if (!"invoice-number-taken".equals(taken.code())) {
                throw taken;
            }
            render(exchange, visit, account, 409, type, key, values, lines, Map.of("invoice.invoiceNumber",
                    visit.t().get("field.invoiceNumber"), "form", visit.t().get("console.transaction.refused")));
            return;
        } catch (RuleViolation refused) {
            Map<String, String> errors = new LinkedHashMap<>(errors(visit.t(), refused.errors(), rows));
            errors.putIfAbsent("form", visit.t().get("console.transaction.refused"));
            render(exchange, visit, account, 422, type, key, values, lines, errors);
            return;
        }
        // Posted now, or already by the same form sent before: the account shows the one transaction either way.
        exchange.redirect(AccountPage.PATH + account.id().value() + "?notice=posted");
    }

    /** {@code POST …/transactions/totals}, for htmx: the figures of the form as it is now. */
    public void totals(WebExchange exchange, Console.Visit visit) {
        ProviderAccessPolicy.require(visit.actor(), Permission.POST_BILLING);
        Account account = accounts.get(visit.actor(), Console.accountIn(exchange));
        Map<String, String> values = values(exchange);
        int lines = lineCount(exchange);
        exchange.html(200, console.frame().fragment("console/totals.jte", Map.of("view",
                view(visit, account, "INVOICE", "", values, lines, Map.of()))));
    }

    private void render(WebExchange exchange, Console.Visit visit, Account account, int status, String type,
                        String key, Map<String, String> values, int lines, Map<String, String> errors) {
        console.page(exchange, status, "console/transaction.jte", view(visit, account, type, key, values, lines,
                errors));
    }

    private TransactionFormView view(Console.Visit visit, Account account, String type, String key,
                                     Map<String, String> values, int lines, Map<String, String> errors) {
        Texts t = visit.t();
        Formats formats = visit.formats();
        List<OperatorsView.Choice> types = Arrays.stream(TransactionType.values())
                .map(value -> new OperatorsView.Choice(value.name(), TransactionHeadline.label(value, t.language())))
                .toList();
        List<OperatorsView.Choice> open = type.equals("INVOICE") ? List.of()
                : invoices.list(visit.actor(), account.id(), PageRequest.first(50)).items().stream()
                .map(view -> new OperatorsView.Choice(view.invoice().id().value().toString(),
                        view.invoice().invoiceNumber() + " · " + formats.money(view.invoice().total())))
                .toList();
        Map<String, String> shown = new LinkedHashMap<>();
        Figures figures = Figures.of(values, lines, account.currency());
        figures.lineAmounts().forEach((index, amount) -> shown.put(TransactionFormView.line(index, "amount"),
                formats.money(amount)));
        figures.taxAmounts().forEach((index, amount) -> shown.put(TransactionFormView.tax(index, "amount"),
                formats.money(amount)));
        figures.subtotal().ifPresent(subtotal -> shown.put("subtotal", formats.money(subtotal)));
        figures.total().ifPresent(total -> shown.put("total", formats.money(total)));
        return new TransactionFormView(console.chrome(visit, "console.transaction.title", "search"),
                AccountPage.PATH + account.id().value(), account.name().value(), account.currency().value(), type,
                types, key, values, lines, TAXES, shown, open, errors);
    }

    /**
     * An invoice's amounts as the domain computes them from what was typed; a line or tax that cannot be read yet
     * has none, and then neither has the subtotal or the total.
     */
    record Figures(Map<Integer, Money> lineAmounts, Map<Integer, Money> taxAmounts, Optional<Money> subtotal,
                   Optional<Money> total) {

        static Figures of(Map<String, String> values, int lines, CurrencyCode currency) {
            Map<Integer, Money> lineAmounts = new LinkedHashMap<>();
            boolean complete = true;
            Money subtotal = Money.zero(currency);
            for (int i = 0; i < lines; i++) {
                String quantity = values.getOrDefault(TransactionFormView.line(i, "quantity"), "");
                String price = values.getOrDefault(TransactionFormView.line(i, "unitPrice"), "");
                if (quantity.isEmpty() && price.isEmpty()) {
                    continue;
                }
                try {
                    Money amount = InvoiceArithmetic.lineAmount(Decimal.parse(quantity),
                            Money.of(Decimal.parse(price), currency));
                    lineAmounts.put(i, amount);
                    subtotal = subtotal.plus(amount);
                } catch (InvalidValue | ArithmeticException unreadable) {
                    complete = false;
                }
            }
            Map<Integer, Money> taxAmounts = new LinkedHashMap<>();
            Money taxes = Money.zero(currency);
            for (int i = 0; i < TAXES; i++) {
                String rate = values.getOrDefault(TransactionFormView.tax(i, "rate"), "");
                if (rate.isEmpty()) {
                    continue;
                }
                try {
                    Money amount = InvoiceArithmetic.taxAmount(subtotal, Decimal.parse(rate));
                    taxAmounts.put(i, amount);
                    taxes = taxes.plus(amount);
                } catch (InvalidValue | ArithmeticException unreadable) {
                    complete = false;
                }
            }
            boolean any = !lineAmounts.isEmpty();
            return new Figures(lineAmounts, taxAmounts, complete && any ? Optional.of(subtotal) : Optional.empty(),
                    complete && any ? Optional.of(subtotal.plus(taxes)) : Optional.empty());
        }
    }

    /** Which of the form's line and tax rows are filled: the invoice is made of those, in order. */
    record Rows(List<Integer> lines, List<Integer> taxes) {
        static Rows of(Map<String, String> values, int lineCount) {
            List<Integer> lines = new ArrayList<>();
            for (int i = 0; i < lineCount; i++) {
                int row = i;
                if (List.of("description", "quantity", "unitPrice").stream()
                        .anyMatch(part -> !values.getOrDefault(TransactionFormView.line(row, part), "").isEmpty())) {
                    lines.add(i);
                }
            }
            List<Integer> taxes = new ArrayList<>();
            for (int i = 0; i < TAXES; i++) {
                int row = i;
                if (List.of("name", "rate").stream()
                        .anyMatch(part -> !values.getOrDefault(TransactionFormView.tax(row, part), "").isEmpty())) {
                    taxes.add(i);
                }
            }
            return new Rows(lines, taxes);
        }

        /** A refusal's path on the invoice as posted, as the name of the form's field it came from. */
        String formField(String path) {
            Matcher matcher = ROW.matcher(path);
            if (!matcher.matches()) {
                return path;
            }
            List<Integer> rows = matcher.group(1).equals("lines") ? lines : taxes;
            int index = Integer.parseInt(matcher.group(2));
            return index < rows.size() ? "invoice." + matcher.group(1) + "[" + rows.get(index) + "]"
                    + matcher.group(3) : path;
        }
    }

    /** The invoice the form describes, with the amounts computed here (its filled rows only). */
    private static InvoiceInput invoiceInput(Map<String, String> values, Rows rows, Figures figures) {
        List<InvoiceInput.Line> invoiceLines = new ArrayList<>();
        for (int i : rows.lines()) {
            invoiceLines.add(new InvoiceInput.Line(blank(values.get(TransactionFormView.line(i, "description"))),
                    blank(values.get(TransactionFormView.line(i, "quantity"))),
                    blank(values.get(TransactionFormView.line(i, "unitPrice"))),
                    Optional.ofNullable(figures.lineAmounts().get(i)).map(Money::decimal).map(Object::toString)
                            .orElse(null)));
        }
        List<InvoiceInput.Tax> taxes = new ArrayList<>();
        for (int i : rows.taxes()) {
            taxes.add(new InvoiceInput.Tax(blank(values.get(TransactionFormView.tax(i, "name"))),
                    blank(values.get(TransactionFormView.tax(i, "rate"))),
                    Optional.ofNullable(figures.taxAmounts().get(i)).map(Money::decimal).map(Object::toString)
                            .orElse(null)));
        }
        return new InvoiceInput(blank(values.get("invoice.invoiceNumber")), blank(values.get("invoice.issueDate")),
                blank(values.get("invoice.dueDate")), blank(values.get("invoice.periodStart")),
                blank(values.get("invoice.periodEnd")), invoiceLines, taxes);
    }

    /** The refusal's field errors, each beside the form field it concerns, in the reader's words. */
    private static Map<String, String> errors(Texts t, List<FieldError> errors, Rows rows) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String field = rows.formField(error.field().toString());
            String key = "field." + error.field().lastName();
            String message = t.has(key) ? t.get(key) : t.get("field.invalid");
            if (field.equals("amount") && error.message().startsWith("must equal the invoice total")) {
                message = t.get("console.transaction.totalDiffers");
            }
            messages.putIfAbsent(field.isEmpty() ? "form" : field, message);
        }
        if (messages.keySet().stream().anyMatch(field -> !field.equals("form"))) {
            messages.putIfAbsent("form", t.get("console.transaction.refused"));
        }
        return messages;
    }

    private static Map<String, String> values(WebExchange exchange) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("amount", "reference", "description", "invoiceId", "reason",
                "invoice.invoiceNumber", "invoice.issueDate", "invoice.dueDate", "invoice.periodStart",
                "invoice.periodEnd")) {
            exchange.form().first(field).map(String::strip).ifPresent(value -> values.put(field, value));
        }
        for (int i = 0; i < MAX_LINES; i++) {
            for (String part : List.of("description", "quantity", "unitPrice")) {
                String field = TransactionFormView.line(i, part);
                exchange.form().first(field).map(String::strip).ifPresent(value -> values.put(field, value));
            }
        }
        for (int i = 0; i < TAXES; i++) {
            for (String part : List.of("name", "rate")) {
                String field = TransactionFormView.tax(i, part);
                exchange.form().first(field).map(String::strip).ifPresent(value -> values.put(field, value));
            }
        }
        return values;
    }

    private static int lineCount(WebExchange exchange) {
        return exchange.form().first("lines").filter(value -> value.matches("\\d{1,2}")).map(Integer::valueOf)
                .map(count -> Math.max(MIN_LINES, Math.min(MAX_LINES, count))).orElse(MIN_LINES);
    }

    private static String type(String raw) {
        String type = raw.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(TransactionType.values()).anyMatch(value -> value.name().equals(type)) ? type : "INVOICE";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
