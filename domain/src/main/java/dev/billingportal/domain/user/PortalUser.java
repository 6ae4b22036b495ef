package dev.billingportal.domain.user;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.CannotDeleteOwnUser;
import dev.billingportal.domain.failure.StateConflict;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person at a customer company who may use the portal. All portal users of an account have the same
 * permissions. Deletion leaves a tombstone: the username stays reserved and support can restore it.
 */
public final class PortalUser {
    private final PortalUserId id;
    private final AccountId accountId;
    private final Username username;
    private EmailAddress email;
    private PersonName firstName;
    private PersonName lastName;
    private ZoneId timeZone;
    private boolean billingNotifications;
    private Language language;
    private UserStatus status;
    private String passwordHash;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant deletedAt;
    private final long version;

    private PortalUser(PortalUserId id, AccountId accountId, Username username, EmailAddress email,
                       PersonName firstName, PersonName lastName, ZoneId timeZone, boolean billingNotifications,
                       Language language, UserStatus status, String passwordHash, Instant createdAt,
                       Instant updatedAt, Instant deletedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.billingNotifications = billingNotifications;
        this.language = Objects.requireNonNull(language, "language");
        this.status = Objects.requireNonNull(status, "status");
        this.passwordHash = passwordHash;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.deletedAt = deletedAt;
        this.version = version;
    }

    /** A new user: {@code INVITED} until they accept the invitation and choose a password (rule 1). */
    public static PortalUser invite(PortalUserId id, AccountId accountId, PortalUserProfile profile, Instant now) {
        return new PortalUser(id, accountId, profile.username(), profile.email(), profile.firstName(),
                profile.lastName(), profile.timeZone(), profile.billingNotifications(), profile.language(),
                UserStatus.INVITED, null, now, now, null, 0);
    }

    /** Rebuilds a stored user; no rule is re-applied. */
    public static PortalUser reconstitute(PortalUserId id, AccountId accountId, Username username, EmailAddress email,
                                          PersonName firstName, PersonName lastName, ZoneId timeZone,
                                          boolean billingNotifications, Language language, UserStatus status,
                                          String passwordHash, Instant createdAt, Instant updatedAt,
                                          Instant deletedAt, long version) {
        return new PortalUser(id, accountId, username, email, firstName, lastName, timeZone, billingNotifications,
                language, status, passwordHash, createdAt, updatedAt, deletedAt, version);
    }

    /**
     * Replaces the editable fields (rule 3) and returns what changed, for the audit log. The username is
     * not among them: it is immutable.
     */
    public List<FieldChange> edit(ProfileEdit edit, Instant now) {
        requireNotDeleted();
        EmailAddress newEmail = PortalUserProfile.emailOrDefault(username, edit.email());
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "email", email, newEmail);
        compare(changes, "firstName", firstName, edit.firstName());
        compare(changes, "lastName", lastName, edit.lastName());
        compare(changes, "timeZone", timeZone.getId(), edit.timeZone().getId());
        compare(changes, "billingNotifications", billingNotifications, edit.billingNotifications());
        Language newLanguage = edit.language().orElse(language);
        compare(changes, "language", language.tag(), newLanguage.tag());
        email = newEmail;
        language = newLanguage;
        firstName = edit.firstName();
        lastName = edit.lastName();
        timeZone = edit.timeZone();
        billingNotifications = edit.billingNotifications();
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
        return changes;
    }

    /** The user picks the other language for their pages and mails; returns what changed, for the audit log. */
    public List<FieldChange> chooseLanguage(Language chosen, Instant now) {
        requireNotDeleted();
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "language", language.tag(), chosen.tag());
        if (!changes.isEmpty()) {
            language = chosen;
            updatedAt = now;
        }
        return changes;
    }

    /** Deletes this user on behalf of {@code actor}; nobody may delete themself (rules 4 and 5). */
    public void delete(PortalUserId actor, Instant now) {
        if (id.equals(actor)) {
            throw new CannotDeleteOwnUser();
        }
        requireNotDeleted();
        status = UserStatus.DELETED;
        deletedAt = now;
        updatedAt = now;
    }

    /**
     * Brings a deleted user back (rule 6): {@code ACTIVE} if they had chosen a password, else
     * {@code INVITED} (the caller then sends a fresh invitation).
     */
    public UserStatus restore(Instant now) {
        if (status != UserStatus.DELETED) {
            throw new StateConflict("user-not-deleted", "Only a deleted user can be restored.");
        }
        status = passwordHash == null ? UserStatus.INVITED : UserStatus.ACTIVE;
        deletedAt = null;
        updatedAt = now;
        return status;
    }

    /** Sets the password (accepting an invitation or a reset) and so makes the user {@code ACTIVE}. */
    public void choosePassword(String newPasswordHash, Instant now) {
        requireNotDeleted();
        passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
        status = UserStatus.ACTIVE;
        updatedAt = now;
    }

    public boolean isDeleted() {
        return status == UserStatus.DELETED;
    }

    public boolean canSignIn() {
        return status == UserStatus.ACTIVE && passwordHash != null;
    }

    /**
     * Whether billing notifications reach this user now: the flag is on and the user is not deleted.
     * Invited users count: an administrator who switches the flag on for them means them to be told.
     */
    public boolean receivesBillingNotifications() {
        return billingNotifications && status != UserStatus.DELETED;
    }

    private void requireNotDeleted() {
        if (status == UserStatus.DELETED) {
            throw new StateConflict("user-deleted", "The portal user is deleted.");
        }
    }

    private static void compare(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, String.valueOf(before), String.valueOf(after)));
        }
    }

    public PortalUserId id() {
        return id;
    }

    public AccountId accountId() {
        return accountId;
    }

    public Username username() {
        return username;
    }

    public EmailAddress email() {
        return email;
    }

    public PersonName firstName() {
        return firstName;
    }

    public PersonName lastName() {
        return lastName;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public boolean billingNotifications() {
        return billingNotifications;
    }

    public Language language() {
        return language;
    }

    public UserStatus status() {
        return status;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    /** The stored version this object was read at; backs ETags and optimistic concurrency. */
    public long version() {
        return version;
    }
}
