package dev.billingportal.adapter.in.rest.billrun;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunError;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BillRun", description = "A bill run as it stands (spec §14): checked first, then posted line by line.")
public record BillRunResponse(
        String id,
        @Schema(enumeration = {"VALIDATING", "REJECTED", "POSTING", "DONE", "FAILED"},
                description = "VALIDATING: the file is being read and checked. REJECTED: a line is bad, nothing was "
                        + "posted. POSTING: every line is good and is being posted. DONE: every line posted or "
                        + "replayed. FAILED: the file could not be read to its end, or a line was refused when its "
                        + "turn came (errors name it); every other line is posted.") String status,
        @Schema(description = "The file's lines (an invoice of several CSV rows is one line)") long lines,
        @Schema(description = "Lines posted by this run") long posted,
        @Schema(description = "Lines whose idempotency key was already posted with the same request") long replayed,
        @Schema(description = "The bad lines, in line order (at most 1000)") List<ErrorResponse> errors,
        @Schema(description = "The operator or API key that sent the file", example = "Month-end billing")
        String createdBy,
        Instant createdAt,
        Instant finishedAt) {

    public static BillRunResponse of(BillRun run) {
        return new BillRunResponse(run.id().toString(), run.status().name(), run.lines(), run.posted(),
                run.replayed(), run.errors().stream().map(ErrorResponse::of).toList(), run.createdBy().name(),
                run.createdAt(), run.finishedAt().orElse(null));
    }

    @Schema(name = "BillRunError", description = "What is wrong with one line: the message a single posting gives.")
    public record ErrorResponse(@Schema(example = "7412") long line,
                                @Schema(example = "invoice.lines[2].amount") String field,
                                @Schema(example = "must equal quantity × unit price, 30.00") String message) {
        static ErrorResponse of(BillRunError error) {
            return new ErrorResponse(error.line(), error.field(), error.message());
        }
    }

    @Schema(name = "BillRunPage")
    public record PageResponse(List<BillRunResponse> items, String nextCursor) {
        public static PageResponse of(Page<BillRun> page) {
            return new PageResponse(page.items().stream().map(BillRunResponse::of).toList(),
                    page.nextCursor().orElse(null));
        }
    }
}
