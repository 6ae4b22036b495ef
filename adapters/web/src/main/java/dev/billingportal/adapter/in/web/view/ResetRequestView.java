package dev.billingportal.adapter.in.web.view;

/** Asking for a reset link: the form, or — whatever the username — the same confirmation. */
public record ResetRequestView(Chrome chrome, boolean sent, String error) {
}
