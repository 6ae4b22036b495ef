package dev.billingportal.application.port.out;

import dev.billingportal.application.port.in.billrun.BillRunFile;
import dev.billingportal.application.port.in.billrun.BillRunLineInput;
import java.util.Iterator;

/**
 * Reads a bill run's file as its lines, one at a time as they are asked for (spec §14). Each line is read as the
 * API reads a single posting's request, so a line's errors are a single posting's; past the file's limits the
 * iterator throws {@code InputTooLarge}.
 */
public interface BillRunLines {

    Iterator<BillRunLineInput> read(BillRunFile file);
}
