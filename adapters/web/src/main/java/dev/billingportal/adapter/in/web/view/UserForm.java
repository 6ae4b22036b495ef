package dev.billingportal.adapter.in.web.view;

import java.util.Map;

/**
 * A user's row being typed in: the values as typed (kept when a value is refused), and each refused field's
 * message, keyed by the form field's name. {@code usernameTaken} adds, beside the username's message, how a deleted
 * user comes back: only through support (spec §3 rule 6).
 */
public record UserForm(Map<String, String> values, Map<String, String> errors, boolean usernameTaken) {
    public UserForm {
        values = Map.copyOf(values);
        errors = Map.copyOf(errors);
    }

    public static UserForm of(Map<String, String> values) {
        return new UserForm(values, Map.of(), false);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        return values.containsKey(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
