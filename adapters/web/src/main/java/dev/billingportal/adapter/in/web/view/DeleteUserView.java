package dev.billingportal.adapter.in.web.view;

/** Without JavaScript, the trash can opens this page: the same question the dialog asks. */
public record DeleteUserView(Chrome chrome, UserRow user) {
}
