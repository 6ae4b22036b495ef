package dev.billingportal.adapter.in.web.view;

import java.util.List;
import java.util.Optional;

/**
 * The console's home (spec §12): the one search box and what it found. {@code error}: the text could not be searched
 * (empty or too long).
 */
public record ConsoleHomeView(Chrome chrome, String query, boolean searched, List<Found> found,
                              Optional<String> error) {

    /** One account found, and in words what the text matched (a deleted user's e-mail, an invoice number...). */
    public record Found(String id, String number, String name, String currency, String matched) {
    }

    public ConsoleHomeView {
        found = List.copyOf(found);
    }
}
