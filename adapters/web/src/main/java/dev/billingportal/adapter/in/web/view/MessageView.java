package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/** A page that only says something: an error (with the incident id to quote to support), or a page not found. */
public record MessageView(Chrome chrome, String heading, String body, Optional<String> incident,
                          Optional<String> backLink, String backLabel) {
}
