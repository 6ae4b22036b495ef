package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's API keys, for an administrator (spec §11, §12): each key's name, role, prefix, who made it and when,
 * expiry, last use and state, with Rotate and Revoke; the form for a new one; and — right after a creation or a
 * rotation only — the new key itself, which is never shown again.
 */
public record ApiKeysView(Chrome chrome, List<Row> rows, List<OperatorsView.Choice> roles,
                          Map<String, String> typed, Map<String, String> errors, Optional<Shown> shown,
                          Optional<String> notice) {

    /** One key; {@code usable}: neither revoked nor expired, so it may be rotated or revoked. */
    public record Row(String id, String name, String role, String prefix, String created, String expires,
                      String lastUsed, String state, String stateClass, boolean usable) {
    }

    /** A key just made: its name and the secret, shown in this answer only. */
    public record Shown(String name, String secret) {
        @Override
        public String toString() {
            return "Shown[" + name + ", hidden]";
        }
    }

    public ApiKeysView {
        rows = List.copyOf(rows);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String typed(String field) {
        return typed.getOrDefault(field, "");
    }
}
