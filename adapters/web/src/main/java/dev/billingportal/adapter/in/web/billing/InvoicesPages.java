package dev.billingportal.adapter.in.web.billing;

import dev.billingportal.adapter.in.web.frame.Frame;
import dev.billingportal.adapter.in.web.frame.NewestFirstPage;
import dev.billingportal.adapter.in.web.http.WebExchange;
import dev.billingportal.adapter.in.web.view.Formats;
import dev.billingportal.adapter.in.web.view.InvoiceDetailView;
import dev.billingportal.adapter.in.web.view.InvoicesView;
import dev.billingportal.adapter.in.web.view.Texts;
import dev.billingportal.application.port.in.billing.GetInvoiceQuery;
import dev.billingportal.application.port.in.billing.InvoiceDetail;
import dev.billingportal.application.port.in.billing.ListInvoicesQuery;
import dev.billingportal.application.port.in.billing.RenderInvoiceQuery;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.failure.NotFound;
import java.util.Optional;
import java.util.UUID;

/**
 * The invoices (spec §9): the list newest first with each one's status (overdue decided on the reader's own date),
 * one invoice with its lines, taxes and what was paid or credited on it, and its PDF. The same pages on both sites
 * ({@link AccountBilling}).
 */
public final class InvoicesPages {
    static final int PAGE_SIZE = 50;

    private final Frame frame;
    private final ListInvoicesQuery list;
    private final GetInvoiceQuery get;
    private final RenderInvoiceQuery render;

    public InvoicesPages(Frame frame, ListInvoicesQuery list, GetInvoiceQuery get, RenderInvoiceQuery render) {
        this.frame = frame;
        this.list = list;
        this.get = get;
        this.render = render;
    }

    /** {@code /invoices}, {@code /invoices?cursor=…}. */
    public void list(WebExchange exchange, AccountBilling reader) {
        Texts t = reader.t();
        NewestFirstPage.read(exchange, reader.paths().invoices(), PAGE_SIZE,
                request -> list.list(reader.actor(), reader.account(), request)).ifPresent(read ->
                frame.page(exchange, 200, "invoices.jte", new InvoicesView(reader.chrome(t.get("invoices.title"),
                        "invoices"), reader.paths(), read.page().items().stream()
                        .map(view -> BillingLabels.invoice(t, reader.formats(), view)).toList(), read.olderHref(),
                        read.newestHref())));
    }

    /** {@code /invoices/{invoiceId}}. */
    public void show(WebExchange exchange, AccountBilling reader) {
        InvoiceDetail detail = get.detail(reader.actor(), reader.account(), invoiceId(exchange));
        Invoice invoice = detail.view().invoice();
        Texts t = reader.t();
        Formats formats = reader.formats();
        Optional<String> period = invoice.periodStart() == null ? Optional.empty()
                : Optional.of(t.get("invoice.periodDates", formats.date(invoice.periodStart()),
                        formats.date(invoice.periodEnd())));
        frame.page(exchange, 200, "invoice.jte", new InvoiceDetailView(
                reader.chrome(t.get("invoice.heading", invoice.invoiceNumber()), "invoices"), reader.paths(),
                reader.accountName(), reader.accountNumber(),
                BillingLabels.invoice(t, formats, detail.view()), period,
                invoice.lines().stream().map(line -> new InvoiceDetailView.Line(line.description(),
                        formats.number(line.quantity().value()), formats.money(line.unitPrice()),
                        formats.money(line.amount()))).toList(),
                formats.money(invoice.subtotal()),
                invoice.taxes().stream().map(tax -> new InvoiceDetailView.Tax(tax.name(),
                        formats.percent(tax.rate().value()), formats.money(tax.amount()))).toList(),
                formats.money(invoice.total()),
                detail.applied().stream().map(applied -> BillingLabels.appliedTo(t, formats, applied)).toList(),
                formats.money(invoice.paid()), formats.money(invoice.credited()), formats.zone().getId()));
    }

    /** {@code /invoices/{invoiceId}/pdf}: the invoice as a PDF, for the account's users and the provider. */
    public void pdf(WebExchange exchange, AccountBilling reader) {
        InvoiceId invoice = invoiceId(exchange);
        byte[] document = render.render(reader.actor(), reader.account(), invoice);
        exchange.header("Content-Disposition", "inline; filename=\"invoice-" + invoice + ".pdf\"");
        exchange.bytes(200, "application/pdf", "no-store", document);
    }

    private static InvoiceId invoiceId(WebExchange exchange) {
        try {
            return new InvoiceId(UUID.fromString(exchange.pathParameter("invoiceId").orElse("")));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("The invoice");
        }
    }
}
