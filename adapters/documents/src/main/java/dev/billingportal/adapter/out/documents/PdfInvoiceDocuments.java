package dev.billingportal.adapter.out.documents;

import dev.billingportal.application.port.out.InvoiceDocuments;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.billing.BillingFormats;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceLine;
import dev.billingportal.domain.billing.InvoiceTax;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.user.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
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
    /** The document's words in each language; its numbers and dates are a statement's ({@link BillingFormats}). */
    private record Words(String invoice, String account, String issued, String due, String period, String description,
                         String quantity, String unitPrice, String amount, String subtotal, String total,
                         String settled, String amountDue) {
    }

    private static final Map<Language, Words> WORDS = Map.of(
            Language.EN_CA, new Words("Invoice", "Account", "Issued: ", "Due: ", "Billing period: ", "Description",
                    "Quantity", "Unit price", "Amount", "Subtotal", "Total", "Paid and credited", "Amount due"),
            Language.FR_CA, new Words("Facture", "Compte", "Émise le : ", "Échéance : ", "Période de facturation : ",
                    "Description", "Quantité", "Prix unitaire", "Montant", "Sous-total", "Total", "Payé et crédité",
                    "Montant dû"));
    private static final float MARGIN = 54;
    private static final float LINE = 15;
    private static final float[] COLUMNS = {MARGIN, 330, 400, 490};

    @Override
    public byte[] render(Account account, Invoice invoice, Language language) {
        Words words = WORDS.get(language);
        Function<LocalDate, String> date = day -> BillingFormats.statementDate(day, language);
        Function<BigDecimal, String> number = value -> fitted(BillingFormats.statementNumber(value, language));
        try (PDDocument document = new PDDocument(); InputStream fontFile = PDDocument.class.getResourceAsStream(FONT)) {
            PDType0Font font = PDType0Font.load(document, fontFile);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(words.invoice() + " " + invoice.invoiceNumber());
            info.setSubject(account.name().value() + " (" + account.number() + ")");
            Writer out = new Writer(document, font);
            out.text(18, words.invoice() + " " + invoice.invoiceNumber());
            out.gap();
            out.text(11, account.name().value());
            out.text(11, words.account() + " " + account.number());
            out.gap();
            out.text(10, words.issued() + date.apply(invoice.issueDate()));
            out.text(10, words.due() + date.apply(invoice.dueDate()));
            if (invoice.periodStart() != null) {
                out.text(10, words.period() + date.apply(invoice.periodStart()) + " – "
                        + date.apply(invoice.periodEnd()));
            }
            out.gap();
            out.row(10, words.description(), words.quantity(), words.unitPrice(), words.amount());
            for (InvoiceLine line : invoice.lines()) {
                out.row(10, line.description(), number.apply(line.quantity().value()),
                        number.apply(line.unitPrice().decimal()), number.apply(line.amount().decimal()));
            }
            out.gap();
            out.row(10, words.subtotal(), "", "", number.apply(invoice.subtotal().decimal()));
            for (InvoiceTax tax : invoice.taxes()) {
                out.row(10, tax.name() + " " + number.apply(tax.rate().value()) + " %", "", "",
                        number.apply(tax.amount().decimal()));
            }
            out.row(11, words.total(), "", "", fitted(BillingFormats.statementMoney(invoice.total(), language)));
            if (invoice.settled().isPositive()) {
                out.row(10, words.settled(), "", "", number.apply(invoice.settled().decimal()));
            }
            out.row(11, words.amountDue(), "", "", fitted(BillingFormats.statementMoney(invoice.amountDue(),
                    language)));
            out.close();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not render invoice " + invoice.invoiceNumber(), failure);
        }
    }

    /** The embedded font may lack the narrow no-break space French groups digits with: a plain one does. */
    private static String fitted(String text) {
        return text.replace('\u202f', '\u00a0');
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
