package dev.billingportal.adapter.in.web;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the web pages need to know of the installation: the portal's public address (it decides the cookies'
 * {@code Secure} and {@code __Host-} and the origin a form must come from) and the provider's support contact,
 * shown in every footer, in the delete dialog and beside the duplicate-username message (spec §9). Without a
 * configured name, support is "the billing team" in the reader's language.
 */
public record WebSettings(URI baseUrl, Optional<String> supportName, Optional<String> supportEmail,
                          Optional<String> supportPhone) {

    public WebSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(supportName, "supportName");
        Objects.requireNonNull(supportEmail, "supportEmail");
        Objects.requireNonNull(supportPhone, "supportPhone");
    }

    /** Served over https: cookies get {@code Secure} and the {@code __Host-} prefix. */
    public boolean secure() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    /** {@code scheme://host[:port]}, as browsers write it in {@code Origin}. */
    public String origin() {
        int port = baseUrl.getPort();
        return baseUrl.getScheme().toLowerCase(java.util.Locale.ROOT) + "://"
                + baseUrl.getHost().toLowerCase(java.util.Locale.ROOT) + (port < 0 ? "" : ":" + port);
    }
}
