package dev.billingportal.adapter.in.web.view;

import java.util.Map;

/**
 * Choosing a password from an e-mailed link: the invitation's ({@code /invitation}) or a reset's
 * ({@code /password-reset}). A link that no longer works shows one message and the way to ask for help instead.
 *
 * @param errors field id ({@code password}, {@code confirmation}) → message, or {@code form} for the whole form
 */
public record SetPasswordView(Chrome chrome, String action, String token, boolean linkUsable, String heading,
                              String intro, String submit, Map<String, String> errors, String resetPath,
                              String help) {
    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }
}
