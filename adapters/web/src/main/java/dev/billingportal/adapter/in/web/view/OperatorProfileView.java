package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in operator's profile: who they are to the console, and what they manage themselves — their password,
 * their authenticator, their passkeys, their recovery codes. {@code errors}: the password form's, by field.
 */
public record OperatorProfileView(Chrome chrome, String name, String email, String role, String timeZone,
                                  String lastSignIn, List<Passkey> passkeys, int recoveryCodesLeft,
                                  Map<String, String> errors, Optional<String> notice) {
    /** One of the operator's passkeys as the list shows it: its name, when it was added and last used. */
    public record Passkey(String credentialId, String name, String added, String lastUsed) {
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
