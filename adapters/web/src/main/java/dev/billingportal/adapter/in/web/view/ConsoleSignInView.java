package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/** The console's first sign-in step: e-mail and password; {@code next} is where the operator goes once signed in. */
public record ConsoleSignInView(Chrome chrome, String email, Optional<String> error, String next,
                                Optional<String> notice) {
}
