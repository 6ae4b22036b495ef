package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * One bill run (spec §14): where it stands, its counts and progress ({@code settled} of {@code lines},
 * {@code percent}), and its report by line. {@code running}: still being checked or posted, so the progress asks for
 * itself again.
 */
public record BillRunView(Chrome chrome, String href, String status, String statusClass, String statusCode,
                          boolean running, long lines, long posted, long replayed, long failed, long settled,
                          long percent, String createdBy, String created, Optional<String> finished,
                          List<Error> errors) {

    /** A bad line: its number in the file, the field, what is wrong. */
    public record Error(long line, String field, String message) {
    }

    public BillRunView {
        errors = List.copyOf(errors);
    }
}
