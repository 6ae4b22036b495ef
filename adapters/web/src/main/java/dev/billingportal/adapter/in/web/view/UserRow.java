package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/**
 * One user as a row of Manage Users: shown, or being edited ({@code editing}). A new user's row has no id yet.
 *
 * @param self the signed-in user's own row: it has no trash can (spec §3 rule 5)
 */
public record UserRow(String id, String username, String firstName, String lastName, String timeZone,
                      boolean billingNotifications, boolean invited, boolean self, long version,
                      Optional<UserForm> editing) {

    public static final String NEW = "new";

    public String fullName() {
        return firstName + " " + lastName;
    }

    public boolean isNew() {
        return NEW.equals(id);
    }

    /** The id the row's form and inputs are named by. */
    public String formId() {
        return "user-form-" + id;
    }

    public String rowId() {
        return "user-" + id;
    }
}
