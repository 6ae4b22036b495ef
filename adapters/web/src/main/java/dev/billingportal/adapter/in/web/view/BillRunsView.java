package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The provider's bill runs, newest first, with the form that uploads the next one (spec §12, §14); {@code error}: why
 * the last upload was not taken (no file, a file of another kind, too large).
 */
public record BillRunsView(Chrome chrome, List<Row> rows, Optional<String> olderHref, Optional<String> newestHref,
                           Optional<String> error, int maxLines) {

    /** One run: when and by whom it was sent, where it stands, and its counts. */
    public record Row(String href, String created, String createdBy, String status, String statusClass, long lines,
                      long posted, long replayed, int errors) {
    }

    public BillRunsView {
        rows = List.copyOf(rows);
    }
}
