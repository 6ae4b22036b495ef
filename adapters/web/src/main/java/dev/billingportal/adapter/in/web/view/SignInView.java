package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/**
 * The sign-in page: what was typed (never the password), one generic error or none, where to go after, and a notice
 * from the page before (a password just changed, a session that ended).
 */
public record SignInView(Chrome chrome, String username, Optional<String> error, String next,
                         Optional<String> notice) {
}
