package dev.billingportal.adapter.in.rest.billrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.application.port.in.billing.InvoiceInput;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.failure.FieldError;
import dev.billingportal.domain.failure.FieldPath;
import dev.billingportal.domain.failure.InputTooLarge;
import dev.billingportal.domain.failure.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillRunFilesTest {

    private static List<BillRunLineInput> all(Iterator<BillRunLineInput> lines) {
        List<BillRunLineInput> read = new ArrayList<>();
        lines.forEachRemaining(read::add);
        return read;
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errors(BillRunLineInput line) {
        return line.unreadable().stream().map(error -> error.field() + " " + error.message()).toList();
    }

    @Test
    void ndjsonLinesKeepTheirNumbersAsAnEditorShowsThem() {
        List<BillRunLineInput> lines = all(BillRunFiles.ndjson(text("""
                {"accountNumber":"ACC-000001","idempotencyKey":"nov-1","type":"PAYMENT","amount":"50.00","extra":1}

                {"accountId":"0b7c2b1e-8f3e-4f0e-9c7a-1d2e3f4a5b6c","idempotencyKey":"nov-2","type":"INVOICE",\
                "amount":"113.00","invoice":{"invoiceNumber":"INV-1","issueDate":"2026-11-01","dueDate":"2026-11-30",\
                "lines":[{"description":"Seat","quantity":"10","unitPrice":"10.00","amount":"100.00"}],\
                "taxes":[{"name":"HST","rate":"13","amount":"13.00"}]}}
                """)));
        assertEquals(2, lines.size());
        BillRunLineInput payment = lines.getFirst();
        assertEquals(1, payment.line());
        assertEquals("ACC-000001", payment.accountNumber());
        assertEquals("nov-1", payment.idempotencyKey());
        assertEquals("50.00", payment.transaction().amount());
        assertEquals(List.of(), payment.unreadable(), "a field the line does not use is ignored, as by the API");
        BillRunLineInput invoice = lines.get(1);
        assertEquals(3, invoice.line(), "the blank line counts");
        assertEquals("0b7c2b1e-8f3e-4f0e-9c7a-1d2e3f4a5b6c", invoice.accountId());
        assertEquals("13", invoice.transaction().invoice().taxes().getFirst().rate());
    }

    @Test
    void aMalformedNdjsonLineIsThatLinesErrorAndTheNextIsStillRead() {
        List<BillRunLineInput> lines = all(BillRunFiles.ndjson(text("""
                {"idempotencyKey":"a","type":"PAYMENT","amount":50.00}
                {"idempotencyKey":"b",
                [1,2]
                {"idempotencyKey":"c","type":"PAYMENT","amount":"1.00","accountNumber":"ACC-000002"}
                """)));
        assertEquals(List.of(1L, 2L, 3L, 4L), lines.stream().map(BillRunLineInput::line).toList());
        assertEquals(List.of("amount must be a string"), errors(lines.get(0)), "a number where a string belongs");
        assertTrue(errors(lines.get(1)).getFirst().startsWith("line is not valid JSON"), errors(lines.get(1)).toString());
        assertEquals(List.of("line must be a JSON object"), errors(lines.get(2)));
        assertEquals(List.of(), lines.get(3).unreadable());
    }

    @Test
    void aCsvInvoiceSpansItsRowsAndEachRowIsNumberedAfterTheHeader() {
        List<BillRunLineInput> lines = all(BillRunFiles.csv(text("""
                accountNumber,idempotencyKey,type,amount,reference,invoiceNumber,issueDate,dueDate,lineDescription,\
                lineQuantity,lineUnitPrice,lineAmount,taxName,taxRate,taxAmount,notes
                ACC-000001,nov-1,INVOICE,118.00,"Nov, services",INV-1,2026-11-01,2026-11-30,Seat,10,10.00,100.00,GST,5,5.00,x
                ,nov-1,,,,,,,"Long
                distance",1,5.00,5.00,QST,9.975,8.48,
                ACC-000002,nov-2,PAYMENT,50.00,PAY-1,,,,,,,,,,,
                """)));
        assertEquals(2, lines.size());
        BillRunLineInput invoice = lines.getFirst();
        assertEquals(2, invoice.line(), "the header is row 1");
        assertEquals("Nov, services", invoice.transaction().reference());
        InvoiceInput detail = invoice.transaction().invoice();
        assertEquals(List.of("Seat", "Long\ndistance"), detail.lines().stream().map(InvoiceInput.Line::description)
                .toList());
        assertEquals(List.of("GST", "QST"), detail.taxes().stream().map(InvoiceInput.Tax::name).toList());
        assertEquals(List.of(), invoice.unreadable());
        BillRunLineInput payment = lines.get(1);
        assertEquals(4, payment.line());
        assertNull(payment.transaction().invoice(), "no invoice columns filled: no invoice");
        assertEquals("PAY-1", payment.transaction().reference());
    }

    @Test
    void aCsvRowThatContradictsItsTransactionOrHasTooFewColumnsIsReported() {
        List<BillRunLineInput> lines = all(BillRunFiles.csv(text("""
                accountNumber,idempotencyKey,type,amount,lineDescription,lineQuantity,lineUnitPrice,lineAmount
                ACC-000001,nov-1,INVOICE,100.00,Seat,10,10.00,100.00
                ACC-000009,nov-1,,,Other,1,1.00,1.00
                ACC-000002,nov-2,PAYMENT
                """)));
        assertEquals(List.of(new FieldError(FieldPath.of("accountNumber"),
                "differs on row 3 from the transaction's first row")), lines.getFirst().unreadable());
        assertEquals(List.of("line has 3 columns where the first row has 8"), errors(lines.get(1)));
    }

    @Test
    void aCsvFileWithoutItsColumnsOrNotInUtf8IsRefusedWhole() {
        assertThrows(InvalidInput.class, () -> BillRunFiles.csv(text("account,key,type\nACC-1,k,PAYMENT\n")));
        byte[] latin1 = "accountNumber,idempotencyKey,type,amount\nACC-1,k,PAYMENT,\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(InvalidInput.class, () -> all(BillRunFiles.csv(new ByteArrayInputStream(latin1))));
        assertThrows(InvalidInput.class, () -> all(BillRunFiles.ndjson(new ByteArrayInputStream(
                "{\"reference\":\"\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1)))));
    }

    @Test
    void aFileBeyond64MiBIsTooLargeAndIsNeverHeldWhole() {
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                sent++;
                return sent % 100 == 0 ? '\n' : ' ';
            }
        };
        InputTooLarge tooLarge = assertThrows(InputTooLarge.class, () -> all(BillRunFiles.ndjson(endless)));
        assertEquals(BillRun.MAX_BYTES, tooLarge.maxBytes());
    }

    @Test
    void anNdjsonLineLongerThanASinglePostingsBodyIsThatLinesErrorAndIsNotKept() {
        String payment = "{\"accountNumber\":\"ACC-000001\",\"idempotencyKey\":\"k\",\"type\":\"PAYMENT\","
                + "\"amount\":\"1.00\"}";
        String padded = "{\"reference\":\"" + "x".repeat(NdjsonBillRunLines.MAX_LINE_CHARS) + "\"}";
        List<BillRunLineInput> lines = all(BillRunFiles.ndjson(text(payment + "\r\n" + padded + "\n" + payment)));
        assertEquals(List.of(1L, 2L, 3L), lines.stream().map(BillRunLineInput::line).toList());
        assertEquals(List.of(), lines.get(0).unreadable(), "a CRLF line end is a line end");
        assertEquals(List.of("line is longer than 1048576 characters, the most a single posting's body may be"),
                errors(lines.get(1)));
        assertEquals("1.00", lines.get(2).transaction().amount(), "the last line, without its end, is read");
    }
}
