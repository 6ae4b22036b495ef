package dev.billingportal.adapter.out.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.application.port.out.HistorySheets;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvHistorySheetsTest {
    private static final Instant POSTED = Instant.parse("2026-11-01T04:30:00Z");

    private static Transaction payment(long sequence, String reference, String description) {
        return new Transaction(TransactionId.random(), AccountId.random(), sequence, TransactionType.PAYMENT,
                new Money(123_45, CurrencyCode.CAD), POSTED, reference, description, null, null,
                new Money(-5, CurrencyCode.CAD), "key", "fingerprint", POSTED);
    }

    @Test
    void aHeaderRowThenOneRecordPerTransactionWithAwkwardTextQuoted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistorySheets.Writer sheet = new CsvHistorySheets().start(out);
        Transaction awkward = payment(2, "PAY, \"2\"", "line one\r\nline two — café");
        sheet.row(awkward);
        sheet.row(payment(1, null, null));
        sheet.finish();

        String csv = out.toString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();

        assertEquals(List.of(CsvHistorySheets.COLUMNS), List.of(records.get(0).values()));
        assertEquals(List.of("2", "2026-11-01T04:30:00Z", "PAYMENT", "123.45", "CAD", "PAY, \"2\"",
                "line one\r\nline two — café", "", "-0.05", awkward.id().toString()), records.get(1).toList());
        assertEquals("1", records.get(2).get(0));
        assertEquals(3, records.size());
        assertEquals(true, csv.startsWith("sequence,postedAt,type,amount,currency,reference,description,"
                + "invoiceNumber,balanceAfter,id\r\n"), "RFC 4180: CRLF line ends");
    }
}
