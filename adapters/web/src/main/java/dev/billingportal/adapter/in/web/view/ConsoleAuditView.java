package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's audit (spec §11) as the console shows it: the filters as typed (a GET form, so a filtered audit is a
 * link), the actions to choose from, and who did what, when, on which account, and why.
 */
public record ConsoleAuditView(Chrome chrome, Filters filters, List<Choice> actions, Map<String, String> errors,
                               List<Row> rows, Optional<String> olderHref, Optional<String> newestHref, String zone) {

    /** The filters as the operator typed them. */
    public record Filters(String operatorId, String accountId, String action, String from, String to) {
    }

    /** An action to filter by, in the reader's words. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** One entry: {@code who} is the actor's name and kind, {@code what} the action and its subject. */
    public record Row(String when, String who, String what, Optional<String> accountHref, String changes,
                      String reason) {
    }

    public ConsoleAuditView {
        actions = List.copyOf(actions);
        rows = List.copyOf(rows);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
