package dev.billingportal.adapter.in.web.console;

import dev.billingportal.adapter.in.web.frame.NewestFirstPage;
import dev.billingportal.adapter.in.web.frame.PathIds;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.BillRunView;
import dev.billingportal.adapter.in.web.view.BillRunsView;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.billrun.BillRunFile;
import dev.billingportal.application.port.in.billrun.BillRunsQuery;
import dev.billingportal.application.port.in.billrun.SubmitBillRunUseCase;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.failure.InputTooLarge;
import dev.billingportal.domain.failure.InvalidInput;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/bill-runs} and {@code /console/bill-runs/{id}} (spec §12, §14; billing and administrators): upload a
 * bill run's file — checked whole, then posted —, its report by line, a progress bar while it posts (htmx asks for
 * it again every two seconds; without JavaScript the page says to reload), the final counts, and the bad lines as CSV.
 * The file is read as it arrives, through the same reader as the API's.
 */
public final class BillRunsPage {
    static final String PATH = "/console/bill-runs";
    private static final int PAGE_SIZE = 50;

    private final Console console;
    private final SubmitBillRunUseCase submit;
    private final BillRunsQuery runs;

    public BillRunsPage(Console console, SubmitBillRunUseCase submit, BillRunsQuery runs) {
        this.console = console;
        this.submit = submit;
        this.runs = runs;
    }

    public void list(WebExchange exchange, Console.Visit visit) {
        render(exchange, visit, 200, Optional.empty());
    }

    /** {@code POST /console/bill-runs}: the upload; to the run's page once its file is checked. */
    public void upload(WebExchange exchange, Console.Visit visit) {
        Texts t = visit.t();
        Optional<WebExchange.Upload> upload = exchange.upload().filter(file -> !file.filename().isBlank());
        if (upload.isEmpty()) {
            render(exchange, visit, 422, Optional.of(t.get("console.billRuns.noFile")));
            return;
        }
        Optional<BillRunFile.Format> format = format(upload.get());
        if (format.isEmpty()) {
            render(exchange, visit, 415, Optional.of(t.get("console.billRuns.wrongType")));
            return;
        }
        BillRun run;
        try {
            run = submit.submit(visit.actor(), new BillRunFile(upload.get().content(), format.get()));
        } catch (InputTooLarge tooLarge) {
            render(exchange, visit, 413, Optional.of(t.get("console.billRuns.tooLarge", BillRun.MAX_LINES)));
            return;
        } catch (InvalidInput unreadable) {
            // The file itself (not UTF-8, a CSV without its columns): the run is recorded FAILED, nothing posted.
            render(exchange, visit, 422, Optional.of(t.get("console.billRuns.unreadable", unreadable.errors().stream()
                    .map(error -> error.message()).findFirst().orElse(""))));
            return;
        }
        exchange.redirect(PATH + "/" + run.id().value());
    }

    /** The file's format by its name's ending, else by the type the browser declared. */
    static Optional<BillRunFile.Format> format(WebExchange.Upload upload) {
        String name = upload.filename().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(BillRunFile.Format.CSV);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of(BillRunFile.Format.NDJSON);
        }
        return upload.contentType().map(type -> type.toLowerCase(Locale.ROOT)).flatMap(type ->
                type.startsWith("text/csv") ? Optional.of(BillRunFile.Format.CSV)
                        : type.startsWith("application/x-ndjson") ? Optional.of(BillRunFile.Format.NDJSON)
                        : Optional.empty());
    }

    /** {@code GET /console/bill-runs/{runId}}: the run; to htmx, only its progress, which it swaps in. */
    public void show(WebExchange exchange, Console.Visit visit) {
        BillRun run = runs.find(visit.actor(), runIn(exchange));
        BillRunView view = view(visit, run);
        if (exchange.htmx()) {
            exchange.html(200, console.frame().fragment("console/billrunprogress.jte", Map.of("view", view)));
            return;
        }
        console.page(exchange, 200, "console/billrun.jte", view);
    }

    /** {@code GET /console/bill-runs/{runId}/errors.csv}: the report's lines, as a spreadsheet opens them. */
    public void errorsCsv(WebExchange exchange, Console.Visit visit) {
        BillRun run = runs.find(visit.actor(), runIn(exchange)); // a 404 page, before the download starts
        exchange.stream(200, "text/csv; charset=utf-8", "bill-run-" + run.id().value() + "-errors.csv",
                out -> runs.exportErrors(visit.actor(), run.id(), out));
    }

    private void render(WebExchange exchange, Console.Visit visit, int status, Optional<String> error) {
        Optional<NewestFirstPage<BillRun>> page = NewestFirstPage.read(exchange, PATH, PAGE_SIZE,
                request -> runs.list(visit.actor(), request));
        if (page.isEmpty()) {
            return;
        }
        console.page(exchange, status, "console/billruns.jte", new BillRunsView(console.chrome(visit,
                "console.billRuns.title", "bill-runs"), page.get().page().items().stream()
                .map(run -> row(visit, run)).toList(), page.get().olderHref(), page.get().newestHref(), error,
                BillRun.MAX_LINES));
    }

    private static BillRunsView.Row row(Console.Visit visit, BillRun run) {
        Texts t = visit.t();
        return new BillRunsView.Row(PATH + "/" + run.id().value(), visit.formats().dateTime(run.createdAt()),
                run.createdBy().name(), status(t, run), statusClass(run), run.lines(), run.posted(), run.replayed(),
                run.errors().size());
    }

    private BillRunView view(Console.Visit visit, BillRun run) {
        Texts t = visit.t();
        Formats formats = visit.formats();
        long settled = run.posted() + run.replayed() + run.failed();
        return new BillRunView(console.chrome(visit, "console.billRuns.runTitle", "bill-runs"),
                PATH + "/" + run.id().value(), status(t, run), statusClass(run), run.status().name(),
                !run.status().finished(), run.lines(), run.posted(), run.replayed(), run.failed(), settled,
                run.lines() == 0 ? 100 : settled * 100 / run.lines(), run.createdBy().name(),
                formats.dateTime(run.createdAt()), run.finishedAt().map(formats::dateTime),
                run.errors().stream().map(error -> new BillRunView.Error(error.line(), error.field(),
                        error.message())).toList());
    }

    private static String status(Texts t, BillRun run) {
        return t.get("console.billRuns.status." + run.status().name());
    }

    private static String statusClass(BillRun run) {
        return switch (run.status()) {
            case DONE -> "badge--active";
            case REJECTED, FAILED -> "badge--failed";
            case VALIDATING, POSTING -> "badge--pending";
        };
    }

    private static BillRunId runIn(WebExchange exchange) {
        return new BillRunId(PathIds.of(exchange, "runId", "The bill run"));
    }
}
