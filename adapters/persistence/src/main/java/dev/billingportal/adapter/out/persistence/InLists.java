package dev.billingportal.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Values for an {@code IN (…)} list, cut into pieces of one statement each: well under any database's limit on a
 * statement's bound parameters (PostgreSQL's is 65 535), whatever the number of values.
 */
final class InLists {
    private InLists() {
    }

    /** {@code values} in order, {@code size} at most a piece. */
    static <T> List<List<T>> of(List<T> values, int size) {
        List<List<T>> pieces = new ArrayList<>((values.size() + size - 1) / size);
        for (int start = 0; start < values.size(); start += size) {
            pieces.add(values.subList(start, Math.min(values.size(), start + size)));
        }
        return pieces;
    }
}
