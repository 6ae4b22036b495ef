package dev.billingportal.adapter.in.web.view;

import java.util.Optional;

/**
 * The page that adds a passkey: a name the operator will know it by, then the browser's ceremony. {@code name}: as
 * typed (kept after a refusal); {@code error}: why the last try was refused.
 */
public record NewPasskeyView(Chrome chrome, PasskeyCeremony ceremony, String name, Optional<String> error) {
}
