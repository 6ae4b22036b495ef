package dev.billingportal.application.port.in.user;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.user.Language;
import java.util.Objects;

/** A signed-in user picks the language of their own pages and e-mails. */
public record ChooseLanguageCommand(Actor.PortalUserActor actor, Language language) {
    public ChooseLanguageCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(language, "language");
    }

    /** From the tag sent ({@code fr-CA}); another value is refused as spec §3 says. */
    public static ChooseLanguageCommand of(Actor.PortalUserActor actor, String language) {
        FieldChecks checks = FieldChecks.start();
        if (language == null) {
            checks.reject("language", "is required");
        }
        Language chosen = checks.optionalChoice("language", language, Language::parse).orElse(null);
        checks.orThrow();
        return new ChooseLanguageCommand(actor, chosen);
    }
}
