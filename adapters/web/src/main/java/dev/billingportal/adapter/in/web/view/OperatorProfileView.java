package dev.billingportal.adapter.in.web.view;

/** The signed-in operator's profile: who they are to the console, as they and the audit see them. */
public record OperatorProfileView(Chrome chrome, String name, String email, String role, String timeZone,
                                  String lastSignIn, int recoveryCodesLeft) {
}
