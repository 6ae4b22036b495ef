package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * Manage Users (spec §9): the account's users, one of them possibly being edited, a new one possibly being typed in,
 * and what the last action came to.
 */
public record UsersView(Chrome chrome, String accountName, List<UserRow> rows, Optional<UserRow> newUser,
                        List<String> timeZones, Optional<String> notice, Optional<String> error) {
}
