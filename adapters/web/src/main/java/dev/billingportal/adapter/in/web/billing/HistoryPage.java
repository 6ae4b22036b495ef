package dev.billingportal.adapter.in.web.billing;

import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.http.Forms;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.HistoryView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.adapter.in.web.view.TransactionLine;
import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.ExportTransactionsQuery;
import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.application.port.in.billing.HistoryPageQuery;
import dev.billingportal.application.port.in.billing.TransactionFilter;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.TransactionHeadline;
import dev.billingportal.domain.billing.TransactionType;
import dev.billingportal.domain.failure.InvalidInput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The transaction history (spec §9): the filters of §5 as a GET form, so a filtered page is a link like any other;
 * newest first, 50 rows a page, walked with "Older" and "Newer" (keyset cursors, never page numbers); "Download CSV"
 * of exactly the rows the filters select, streamed as the API streams it. The same page on both sites: a portal user's
 * own account, or in the console any account's ({@link AccountBilling}). Its rows are the history's read model, read
 * as the API reads its pages: no entity is built for a page of lines.
 */
public final class HistoryPage {
    static final int PAGE_SIZE = 50;

    private final Frame frame;
    private final HistoryPageQuery historyPages;
    private final ExportTransactionsQuery export;

    public HistoryPage(Frame frame, HistoryPageQuery historyPages, ExportTransactionsQuery export) {
        this.frame = frame;
        this.historyPages = historyPages;
        this.export = export;
    }

    /** The form's fields as the reader sent them, kept to fill the form in again and to build the page links. */
    private record Typed(List<String> types, String from, String to, String text) {
        static Typed of(Forms query) {
            return new Typed(query.all("types"), query.first("from").orElse(""), query.first("to").orElse(""),
                    query.first("text").orElse(""));
        }

        TransactionFilter filter() {
            return TransactionFilter.of(types, from, to, text);
        }

        boolean any() {
            return !types.isEmpty() || !from.isBlank() || !to.isBlank() || !text.isBlank();
        }

        /** The filters as a query string, then {@code extra} (already encoded), e.g. a cursor. */
        String query(String path, String extra) {
            StringJoiner query = new StringJoiner("&");
            types.forEach(type -> query.add("types=" + encode(type)));
            if (!from.isBlank()) {
                query.add("from=" + encode(from));
            }
            if (!to.isBlank()) {
                query.add("to=" + encode(to));
            }
            if (!text.isBlank()) {
                query.add("text=" + encode(text));
            }
            if (!extra.isEmpty()) {
                query.add(extra);
            }
            return query.length() == 0 ? path : path + "?" + query;
        }
    }

    /** {@code /transactions?types=…&from=…&to=…&text=…&cursor=…}. */
    public void show(WebExchange exchange, AccountBilling reader) {
        Forms query = exchange.form();
        Typed typed = Typed.of(query);
        AccountId account = reader.account();
        Texts t = reader.t();
        String path = reader.paths().transactions();
        try {
            TransactionFilter filter = typed.filter();
            Page<HistoryEntry> page = historyPages.page(reader.actor(), account, filter,
                    new PageRequest(query.first("cursor").filter(cursor -> !cursor.isBlank()), PAGE_SIZE));
            render(exchange, reader, 200, typed, filter, Map.of(), page.items().stream()
                            .map(entry -> BillingLabels.entry(t, reader.formats(), entry)).toList(),
                    page.previousCursor().map(cursor -> typed.query(path, "cursor=" + encode(cursor))),
                    page.nextCursor().map(cursor -> typed.query(path, "cursor=" + encode(cursor))));
        } catch (InvalidInput invalid) {
            render(exchange, reader, 400, typed, null, Frame.fieldMessages(t, invalid.errors()), List.of(),
                    Optional.empty(), Optional.empty());
        }
    }

    /** {@code /transactions.csv?…}: every row the same filters select, as CSV. */
    public void csv(WebExchange exchange, AccountBilling reader) {
        Typed typed = Typed.of(exchange.form());
        AccountId account = reader.account();
        try {
            TransactionFilter filter = typed.filter();
            export.checkExport(reader.actor(), account, filter); // refuse before the 200 starts
            exchange.stream(200, "text/csv; charset=utf-8", "transactions-" + reader.accountNumber() + ".csv",
                    out -> export.exportCsv(reader.actor(), account, filter, out));
        } catch (InvalidInput invalid) {
            render(exchange, reader, 400, typed, null, Frame.fieldMessages(reader.t(), invalid.errors()), List.of(),
                    Optional.empty(), Optional.empty());
        }
    }

    private void render(WebExchange exchange, AccountBilling reader, int status, Typed typed,
                        TransactionFilter filter, Map<String, String> errors, List<TransactionLine> rows,
                        Optional<String> newer, Optional<String> older) {
        Texts t = reader.t();
        List<HistoryView.TypeChoice> choices = new ArrayList<>();
        for (TransactionType type : TransactionType.values()) {
            boolean checked = filter != null ? filter.types().contains(type)
                    : typed.types().stream().flatMap(value -> Arrays.stream(value.split(",")))
                            .anyMatch(value -> value.strip().equalsIgnoreCase(type.name()));
            choices.add(new HistoryView.TypeChoice(type.name(), TransactionHeadline.label(type, t.language()), checked));
        }
        frame.page(exchange, status, "transactions.jte", new HistoryView(
                reader.chrome(t.get("history.title"), "transactions"), reader.paths(), choices, typed.from(),
                typed.to(), typed.text(), errors, typed.any(), reader.formats().zone().getId(), rows, newer, older,
                typed.query(reader.paths().transactions() + ".csv", "")));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
