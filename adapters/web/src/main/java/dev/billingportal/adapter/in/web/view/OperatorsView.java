package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators, for an administrator (spec §12): the invitation form, and each operator with what may be done —
 * a new role (with a reason), disable, reset the second factor, a new invitation.
 *
 * @param invite what the invitation form holds (kept after a refusal), by field
 * @param errors the invitation form's errors by field, or {@code row:{id}} for a refused action on a row
 */
public record OperatorsView(Chrome chrome, List<Row> rows, Map<String, String> invite, List<Choice> roles,
                            List<Choice> languages, List<String> timeZones, Map<String, String> errors,
                            Optional<String> notice) {

    /** One operator; {@code self}: the signed-in administrator (nothing to do to oneself here but look). */
    public record Row(String id, String name, String email, String role, String roleValue, String status,
                      String statusClass, String lastSignIn, boolean invited, boolean active, boolean self) {
    }

    /** A value to choose, in the reader's words. */
    public record Choice(String value, String label) {
    }

    public OperatorsView {
        rows = List.copyOf(rows);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String typed(String field) {
        return invite.getOrDefault(field, "");
    }
}
