package dev.billingportal.adapter.in.rest.billrun;

import dev.billingportal.adapter.in.rest.request.LimitedInputStream;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import dev.billingportal.domain.billrun.BillRun;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * A bill run's file as a stream of lines (spec §14), never whole on the heap: NDJSON ({@code application/x-ndjson})
 * or CSV ({@code text/csv}), UTF-8, at most {@link BillRun#MAX_BYTES} (one byte more is a 413).
 */
public final class BillRunFiles {
    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    private BillRunFiles() {
    }

    public static Iterator<BillRunLineInput> ndjson(InputStream body) {
        return new NdjsonBillRunLines(utf8(body));
    }

    public static Iterator<BillRunLineInput> csv(InputStream body) {
        return new CsvBillRunLines(utf8(body));
    }

    private static BufferedReader utf8(InputStream body) {
        return new BufferedReader(new InputStreamReader(new LimitedInputStream(body, BillRun.MAX_BYTES),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
    }
}
