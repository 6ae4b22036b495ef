package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Map;

/**
 * The form that opens an account with its first user: the fields as typed ({@code typed}, by name), whether the user
 * gets billing notifications, the time zones to choose from, and each refused field's message.
 */
public record NewAccountView(Chrome chrome, Map<String, String> typed, boolean billingNotifications,
                             List<String> timeZones, Map<String, String> errors) {
    public NewAccountView {
        typed = Map.copyOf(typed);
        timeZones = List.copyOf(timeZones);
        errors = Map.copyOf(errors);
    }

    public String value(String field) {
        return typed.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
