package dev.billingportal.application.service.billrun;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billrun.BillRunsQuery;
import dev.billingportal.application.port.out.BillRunErrorSheets;
import dev.billingportal.application.port.out.BillRuns;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.billrun.BillRun;
import dev.billingportal.domain.billrun.BillRunId;
import dev.billingportal.domain.failure.NotFound;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The bill runs as they stand, for the billing team (spec §11: bill runs are the billing and admin roles'). */
public final class BillRunsService implements BillRunsQuery {
    private final UnitOfWork unitOfWork;
    private final BillRuns runs;
    private final BillRunErrorSheets sheets;

    public BillRunsService(UnitOfWork unitOfWork, BillRuns runs, BillRunErrorSheets sheets) {
        this.unitOfWork = unitOfWork;
        this.runs = runs;
        this.sheets = sheets;
    }

    @Override
    public void exportErrors(Actor actor, BillRunId id, OutputStream out) {
        sheets.write(find(actor, id).errors(), out);
    }

    @Override
    public BillRun find(Actor actor, BillRunId id) {
        ProviderAccessPolicy.require(actor, Permission.POST_BILLING);
        return unitOfWork.inTransaction(() -> runs.find(id)).orElseThrow(() -> new NotFound("The bill run"));
    }

    @Override
    public Page<BillRun> list(Actor actor, PageRequest page) {
        ProviderAccessPolicy.require(actor, Permission.POST_BILLING);
        Optional<BillRuns.Position> after = page.cursor().map(BillRunsService::position);
        List<BillRun> found = unitOfWork.inTransaction(() -> runs.list(after, page.limit() + 1));
        if (found.size() <= page.limit()) {
            return new Page<>(found, Optional.empty());
        }
        List<BillRun> items = found.subList(0, page.limit());
        BillRun last = items.getLast();
        return new Page<>(items, Optional.of(KeysetCursor.encode(last.createdAt().toString(), last.id().toString())));
    }

    private static BillRuns.Position position(String cursor) {
        List<String> parts = KeysetCursor.decode(cursor, 2);
        try {
            return new BillRuns.Position(Instant.parse(parts.get(0)), new BillRunId(UUID.fromString(parts.get(1))));
        } catch (DateTimeParseException | IllegalArgumentException malformed) {
            throw KeysetCursor.invalid();
        }
    }
}
