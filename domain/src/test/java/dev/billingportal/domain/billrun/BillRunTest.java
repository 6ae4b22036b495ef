package dev.billingportal.domain.billrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.failure.StateConflict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BillRunTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static BillRun validating() {
        return BillRun.validating(BillRunId.random(),
                new ActorRef(ActorKind.API_KEY, Optional.of(UUID.randomUUID()), "Bill Ing"), NOW);
    }

    @Test
    void aFileWithoutErrorsIsPostedLineByLineUntilDone() {
        BillRun run = validating();
        run.validated(5, List.of(), NOW);
        assertEquals(BillRun.Status.POSTING, run.status());
        run.progressed(3, 1, NOW);
        assertEquals(1, run.remaining());
        assertEquals(Optional.empty(), run.finishedAt());
        run.progressed(1, 0, NOW.plusSeconds(2));
        assertEquals(BillRun.Status.DONE, run.status());
        assertEquals(4, run.posted());
        assertEquals(1, run.replayed());
        assertEquals(Optional.of(NOW.plusSeconds(2)), run.finishedAt());
    }

    @Test
    void anyBadLineRejectsTheWholeFileWithItsErrorsInLineOrder() {
        BillRun run = validating();
        run.validated(10, List.of(new BillRunError(9, "amount", "must be positive"),
                new BillRunError(2, "accountNumber", "no such account")), NOW);
        assertEquals(BillRun.Status.REJECTED, run.status());
        assertEquals(List.of(2L, 9L), run.errors().stream().map(BillRunError::line).toList());
        assertThrows(StateConflict.class, () -> run.progressed(1, 0, NOW), "a rejected run posts nothing");
    }

    @Test
    void aReportKeepsTheFirstThousandErrors() {
        BillRun run = validating();
        run.validated(5_000, LongStream.rangeClosed(1, 5_000).mapToObj(line -> new BillRunError(line, "type",
                "is required")).toList(), NOW);
        assertEquals(BillRun.MAX_ERRORS, run.errors().size());
        assertEquals(BillRun.MAX_ERRORS, run.errors().getLast().line());
    }

    @Test
    void anEmptyFileIsDoneAtOnceAndNoRunPostsMoreLinesThanItHas() {
        BillRun empty = validating();
        empty.validated(0, List.of(), NOW);
        assertEquals(BillRun.Status.DONE, empty.status());

        BillRun run = validating();
        run.validated(2, List.of(), NOW);
        assertThrows(IllegalArgumentException.class, () -> run.progressed(2, 1, NOW));
        assertThrows(IllegalArgumentException.class, () -> validating().validated(BillRun.MAX_LINES + 1, List.of(),
                NOW));
        assertThrows(IllegalArgumentException.class, () -> new BillRunError(0, "type", "x"));
    }

    @Test
    void aRunThatFailsKeepsWhatWasPostedAndAFinishedRunCannotFail() {
        BillRun run = validating();
        run.validated(3, List.of(), NOW);
        run.progressed(1, 0, NOW);
        run.failed("file", "could not be read to its end", 2, NOW);
        assertEquals(BillRun.Status.FAILED, run.status());
        assertEquals(1, run.posted());
        assertThrows(StateConflict.class, () -> run.failed("file", "again", 2, NOW));
    }

    @Test
    void aLineRefusedWhenItsTurnCameFailsTheRunOnceEveryOtherLineIsSettled() {
        BillRun run = validating();
        run.validated(3, List.of(), NOW);
        run.lineRefused(new BillRunError(2, "invoice.invoiceNumber", "is taken"), NOW);
        assertEquals(BillRun.Status.POSTING, run.status());
        run.progressed(1, 1, NOW.plusSeconds(1));
        assertEquals(BillRun.Status.FAILED, run.status());
        assertEquals(List.of(new BillRunError(2, "invoice.invoiceNumber", "is taken")), run.errors());
        assertEquals(1, run.failed());
        assertEquals(0, run.remaining());
        assertEquals(java.util.Optional.of(NOW.plusSeconds(1)), run.finishedAt());
        assertThrows(StateConflict.class, () -> run.lineRefused(new BillRunError(3, "type", "x"), NOW));
    }
}
