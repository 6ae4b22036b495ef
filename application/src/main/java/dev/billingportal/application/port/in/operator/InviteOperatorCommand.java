package dev.billingportal.application.port.in.operator;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.failure.FieldChecks;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.TimeZones;
import java.time.ZoneId;
import java.util.Objects;

/**
 * An administrator invites a person to the billing team (spec §11): their e-mail address (their username), name and
 * role; their language ({@code en-CA} unless said) and time zone ({@code America/Toronto} unless said).
 */
public record InviteOperatorCommand(Actor actor, EmailAddress email, PersonName name, OperatorRole role,
                                    Language language, ZoneId timeZone) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Toronto");

    public InviteOperatorCommand {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** From what was sent ({@code null} for what was left out); every invalid field is reported at once. */
    public static InviteOperatorCommand of(Actor actor, String email, String name, String role, String language,
                                           String timeZone) {
        FieldChecks checks = FieldChecks.start();
        EmailAddress address = checks.required("email", email, EmailAddress::new);
        PersonName personName = checks.required("name", name, PersonName::new);
        OperatorRole operatorRole = checks.required("role", role, OperatorRole::parse);
        Language chosen = checks.optionalChoice("language", language, Language::parse).orElse(Language.DEFAULT);
        ZoneId zone = checks.optional("timeZone", timeZone, TimeZones::parse).orElse(DEFAULT_ZONE);
        checks.orThrow();
        return new InviteOperatorCommand(actor, address, personName, operatorRole, chosen, zone);
    }
}
