package dev.billingportal.domain.operator;

import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A person on the provider's billing team (spec §11). Invited by an administrator, they choose a password and then
 * must enrol a second factor — an authenticator app (TOTP) — before anything else; passkeys may be added later. A
 * disabled operator cannot sign in. Their e-mail address is their username, unique among operators in any letter case.
 */
public final class Operator {
    private final OperatorId id;
    private final EmailAddress email;
    private PersonName name;
    private OperatorRole role;
    private OperatorStatus status;
    private Language language;
    private ZoneId timeZone;
    private String passwordHash;
    private TotpSecret totpSecret;
    /** The last time step whose code was accepted: each code is accepted once. */
    private long lastTotpStep;
    /** A secret shown during enrolment, not yet confirmed by a code. */
    private TotpSecret pendingTotpSecret;
    private Instant lastSignInAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    private Operator(OperatorId id, EmailAddress email, PersonName name, OperatorRole role, OperatorStatus status,
                     Language language, ZoneId timeZone, String passwordHash, TotpSecret totpSecret, long lastTotpStep,
                     TotpSecret pendingTotpSecret, Instant lastSignInAt, Instant createdAt, Instant updatedAt,
                     long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.status = Objects.requireNonNull(status, "status");
        this.language = Objects.requireNonNull(language, "language");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.passwordHash = passwordHash;
        this.totpSecret = totpSecret;
        this.lastTotpStep = lastTotpStep;
        this.pendingTotpSecret = pendingTotpSecret;
        this.lastSignInAt = lastSignInAt;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    /** A new operator: {@code INVITED} until they accept the invitation and choose a password. */
    public static Operator invite(OperatorId id, EmailAddress email, PersonName name, OperatorRole role,
                                  Language language, ZoneId timeZone, Instant now) {
        return new Operator(id, email, name, role, OperatorStatus.INVITED, language, timeZone, null, null,
                Long.MIN_VALUE, null, null, now, now, 0);
    }

    /** Rebuilds a stored operator; no rule is re-applied. */
    public static Operator reconstitute(OperatorId id, EmailAddress email, PersonName name, OperatorRole role,
                                        OperatorStatus status, Language language, ZoneId timeZone,
                                        String passwordHash, TotpSecret totpSecret, long lastTotpStep,
                                        TotpSecret pendingTotpSecret, Instant lastSignInAt, Instant createdAt,
                                        Instant updatedAt, long version) {
        return new Operator(id, email, name, role, status, language, timeZone, passwordHash, totpSecret, lastTotpStep,
                pendingTotpSecret, lastSignInAt, createdAt, updatedAt, version);
    }

    /** Another operator already has this address, in some letter case (the store's unique key decides races). */
    public static StateConflict emailTaken() {
        return new StateConflict("operator-email-taken", "An operator with this e-mail address already exists.",
                List.of(dev.billingportal.domain.failure.FieldError.of("email",
                        "An operator with this e-mail address already exists.")));
    }

    /** The lower-case address that makes e-mail addresses unique among operators. */
    public static String emailKey(EmailAddress email) {
        return email.value().toLowerCase(Locale.ROOT);
    }

    /** Accepting the invitation or a reset: the password is set and an invited operator becomes {@code ACTIVE}. */
    public void choosePassword(String newPasswordHash, Instant now) {
        requireNotDisabled();
        passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
        status = OperatorStatus.ACTIVE;
        updatedAt = now;
    }

    /** Whether the password step of a sign-in may succeed at all. */
    public boolean canSignIn() {
        return status == OperatorStatus.ACTIVE && passwordHash != null;
    }

    /** Whether the operator has enrolled an authenticator; until then a sign-in leads to enrolment only. */
    public boolean hasSecondFactor() {
        return totpSecret != null;
    }

    /** Shows a new authenticator secret, to be confirmed by a code before it counts. */
    public void beginTotpEnrolment(TotpSecret secret, Instant now) {
        requireNotDisabled();
        pendingTotpSecret = Objects.requireNonNull(secret, "secret");
        updatedAt = now;
    }

    /**
     * Confirms the pending secret with one of its codes: it becomes the operator's authenticator (replacing any
     * earlier one), and that code is spent.
     *
     * @return whether the code matched
     */
    public boolean confirmTotpEnrolment(String code, Instant now) {
        requireNotDisabled();
        if (pendingTotpSecret == null) {
            throw new StateConflict("no-enrolment", "Start the authenticator enrolment again.");
        }
        OptionalLong step = Totp.matchingStep(pendingTotpSecret, code, now, Long.MIN_VALUE);
        if (step.isEmpty()) {
            return false;
        }
        totpSecret = pendingTotpSecret;
        pendingTotpSecret = null;
        lastTotpStep = step.getAsLong();
        updatedAt = now;
        return true;
    }

    /**
     * A code from the authenticator, each accepted once: its step must come after the last accepted one.
     *
     * @return whether it is accepted
     */
    public boolean acceptTotp(String code, Instant now) {
        if (totpSecret == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(totpSecret, code, now, lastTotpStep);
        if (step.isEmpty()) {
            return false;
        }
        lastTotpStep = step.getAsLong();
        return true;
    }

    /** An administrator gives the operator another role; returns the change for the audit log. */
    public List<FieldChange> changeRole(OperatorRole newRole, Instant now) {
        requireNotDisabled();
        if (newRole == role) {
            return List.of();
        }
        FieldChange change = new FieldChange("role", role.code(), newRole.code());
        role = newRole;
        updatedAt = now;
        return List.of(change);
    }

    /** An administrator disables the operator: they cannot sign in, and the caller ends their sessions. */
    public void disable(Instant now) {
        if (status == OperatorStatus.DISABLED) {
            throw new StateConflict("operator-disabled", "The operator is already disabled.");
        }
        status = OperatorStatus.DISABLED;
        updatedAt = now;
    }

    /** An administrator resets the operator's second factor: they enrol again at their next sign-in. */
    public void resetSecondFactor(Instant now) {
        totpSecret = null;
        pendingTotpSecret = null;
        lastTotpStep = Long.MIN_VALUE;
        updatedAt = now;
    }

    public void signedIn(Instant now) {
        lastSignInAt = now;
    }

    /** The operator's own choice of language for the console and their mails. */
    public void chooseLanguage(Language chosen, Instant now) {
        requireNotDisabled();
        language = Objects.requireNonNull(chosen, "chosen");
        updatedAt = now;
    }

    /** Whether this operator counts toward "at least one active administrator". */
    public boolean isActiveAdmin() {
        return status == OperatorStatus.ACTIVE && role == OperatorRole.ADMIN;
    }

    public void requireNotDisabled() {
        if (status == OperatorStatus.DISABLED) {
            throw new StateConflict("operator-disabled", "The operator is disabled.");
        }
    }

    public OperatorId id() {
        return id;
    }

    public EmailAddress email() {
        return email;
    }

    public PersonName name() {
        return name;
    }

    public OperatorRole role() {
        return role;
    }

    public OperatorStatus status() {
        return status;
    }

    public Language language() {
        return language;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Optional<TotpSecret> totpSecret() {
        return Optional.ofNullable(totpSecret);
    }

    public long lastTotpStep() {
        return lastTotpStep;
    }

    public Optional<TotpSecret> pendingTotpSecret() {
        return Optional.ofNullable(pendingTotpSecret);
    }

    public Optional<Instant> lastSignInAt() {
        return Optional.ofNullable(lastSignInAt);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
