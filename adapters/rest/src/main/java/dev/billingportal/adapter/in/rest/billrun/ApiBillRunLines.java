package dev.billingportal.adapter.in.rest.billrun;

import dev.billingportal.application.port.in.billrun.BillRunFile;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import dev.billingportal.application.port.out.BillRunLines;
import java.util.Iterator;

/**
 * The {@link BillRunLines} port: a bill run's file read as the API reads a single posting's request (its field names,
 * its type errors), so it lives where that reading does. The console's upload is read here too.
 */
public final class ApiBillRunLines implements BillRunLines {

    @Override
    public Iterator<BillRunLineInput> read(BillRunFile file) {
        return switch (file.format()) {
            case NDJSON -> BillRunFiles.ndjson(file.content());
            case CSV -> BillRunFiles.csv(file.content());
        };
    }
}
