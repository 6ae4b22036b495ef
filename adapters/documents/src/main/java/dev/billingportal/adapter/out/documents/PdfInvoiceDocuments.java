package dev.billingportal.adapter.out.documents;

import dev.billingportal.application.port.out.InvoiceDocuments;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceLine;
import dev.billingportal.domain.billing.InvoiceTax;
import dev.billingportal.domain.billing.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Invoices as PDF (Apache PDFBox): account, invoice number, dates, lines, taxes, total, what was paid and
 * what is due. Text is set in Liberation Sans (shipped with PDFBox, embedded in the document), so accented
 * names print as they are; a character the font lacks prints as '?' instead of failing the document.
 * Long invoices continue on further pages.
 */
public final class PdfInvoiceDocuments implements InvoiceDocuments {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final float MARGIN = 54;
    private static final float LINE = 15;
    private static final float[] COLUMNS = {MARGIN, 330, 400, 490};

    @Override
    public byte[] render(Account account, Invoice invoice) {
        try (PDDocument document = new PDDocument(); InputStream fontFile = PDDocument.class.getResourceAsStream(FONT)) {
            PDType0Font font = PDType0Font.load(document, fontFile);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Invoice " + invoice.invoiceNumber());
            info.setSubject(account.name().value() + " (" + account.number() + ")");
            Writer out = new Writer(document, font);
            out.text(18, "Invoice " + invoice.invoiceNumber());
            out.gap();
            out.text(11, account.name().value());
            out.text(11, "Account " + account.number());
            out.gap();
            out.text(10, "Issued: " + DATE.format(invoice.issueDate()));
            out.text(10, "Due: " + DATE.format(invoice.dueDate()));
            if (invoice.periodStart() != null) {
                out.text(10, "Billing period: " + DATE.format(invoice.periodStart()) + " – "
                        + DATE.format(invoice.periodEnd()));
            }
            out.gap();
            out.row(10, "Description", "Quantity", "Unit price", "Amount");
            for (InvoiceLine line : invoice.lines()) {
                out.row(10, line.description(), line.quantity().text(), line.unitPrice().toString(),
                        line.amount().toString());
            }
            out.gap();
            out.row(10, "Subtotal", "", "", invoice.subtotal().toString());
            for (InvoiceTax tax : invoice.taxes()) {
                out.row(10, tax.name() + " " + tax.rate().text() + " %", "", "", tax.amount().toString());
            }
            out.row(11, "Total", "", "", money(invoice.total()));
            if (invoice.settled().isPositive()) {
                out.row(10, "Paid and credited", "", "", invoice.settled().toString());
            }
            out.row(11, "Amount due", "", "", money(invoice.amountDue()));
            out.close();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not render invoice " + invoice.invoiceNumber(), failure);
        }
    }

    private static String money(Money amount) {
        return amount.withCurrency();
    }

    /** Writes lines top to bottom, opening a new page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType0Font font;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void text(float size, String text) throws IOException {
            row(size, text);
        }

        void row(float size, String... cells) throws IOException {
            if (y < MARGIN + LINE) {
                newPage();
            }
            for (int i = 0; i < cells.length; i++) {
                if (cells[i].isEmpty()) {
                    continue;
                }
                page.beginText();
                page.setFont(font, size);
                page.newLineAtOffset(COLUMNS[i], y);
                page.showText(printable(cells[i]));
                page.endText();
            }
            y -= LINE;
        }

        void gap() {
            y -= LINE / 2;
        }

        private String printable(String text) throws IOException {
            StringBuilder printable = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                String character = Character.toString(codePoint);
                try {
                    font.encode(character);
                    printable.append(character);
                } catch (IllegalArgumentException | IOException notInTheFont) {
                    printable.append('?');
                }
            });
            return printable.toString();
        }

        private void newPage() throws IOException {
            close();
            PDPage next = new PDPage(PDRectangle.LETTER);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = next.getMediaBox().getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (page != null) {
                page.close();
            }
        }
    }
}
