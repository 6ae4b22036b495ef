package dev.billingportal.application.port.out;

import dev.billingportal.domain.billrun.BillRunError;
import java.io.OutputStream;
import java.util.List;

/** A bill run's bad lines as a file a spreadsheet opens (spec §14: "download the errors"), one row per error. */
public interface BillRunErrorSheets {

    /** Writes the sheet, its header row first, to {@code out}, which stays open for its owner to close. */
    void write(List<BillRunError> errors, OutputStream out);
}
