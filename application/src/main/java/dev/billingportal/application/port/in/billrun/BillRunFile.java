package dev.billingportal.application.port.in.billrun;

import java.io.InputStream;
import java.util.Objects;

/**
 * A bill run's file as sent (spec §14): its bytes, read once and as a stream (never whole on the heap), and its
 * format. The API takes it as a request's body, the console as an uploaded file; both are read by the same reader.
 */
public record BillRunFile(InputStream content, Format format) {
    public enum Format {
        /** {@code application/x-ndjson}: one transaction request per line. */
        NDJSON,
        /** {@code text/csv}: the columns the OpenAPI document lists, an invoice one row per line item. */
        CSV
    }

    public BillRunFile {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(format, "format");
    }
}
