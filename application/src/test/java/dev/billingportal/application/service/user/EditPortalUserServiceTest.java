package dev.billingportal.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.user.EditPortalUserCommand;
import dev.billingportal.application.port.in.user.ProfileEditInput;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §3 rule 3: the editable fields change, the username never does, and a stale version is refused. */
class EditPortalUserServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final EditPortalUserService service = new EditPortalUserService(portal.stores.unitOfWork(),
            portal.stores.users(), portal.stores.auditLog(), portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);
    private final PortalUser bob = portal.active(account, "Bob", false);

    private PortalUser edit(PortalUser user, Optional<Long> version, ProfileEditInput input) {
        return service.edit(EditPortalUserCommand.of(InMemoryPortal.actor(ann), account.id(), user.id(), version,
                input));
    }

    @Test
    void anEditReplacesTheFieldsAndTheAuditLogSaysWhatChanged() {
        PortalUser edited = edit(bob, Optional.of(bob.version()), new ProfileEditInput(null, "Robert", "Tremblay",
                "America/Vancouver", true, null, "BOB@example.com"));

        assertEquals("Robert", edited.firstName().value());
        assertEquals(ZoneId.of("America/Vancouver"), edited.timeZone());
        assertEquals(bob.version() + 1, edited.version());
        AuditEvent audit = portal.stores.auditLog().all().get(0);
        assertEquals(AuditAction.USER_EDITED, audit.action());
        assertEquals(List.of(new FieldChange("firstName", "Bob", "Robert"),
                new FieldChange("timeZone", "America/Toronto", "America/Vancouver"),
                new FieldChange("billingNotifications", "false", "true")), audit.changes());
    }

    @Test
    void aUserMayEditThemselfAndAnEditThatChangesNothingWritesNothing() {
        PortalUser same = edit(ann, Optional.empty(), new ProfileEditInput(null, "Ann", "Tremblay", "America/Toronto",
                false, null, null));

        assertEquals(ann.version(), same.version());
        assertEquals(List.of(), portal.stores.auditLog().actions());
    }

    @Test
    void theUsernameCannotChange() {
        RuleViolation renamed = assertThrows(RuleViolation.class, () -> edit(bob, Optional.empty(),
                new ProfileEditInput(null, "Bob", "Tremblay", "America/Toronto", false, null, "robert@example.com")));

        assertEquals("username", renamed.errors().get(0).field().toString());
        assertEquals(bob.version(), portal.reload(bob).version());
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefused() {
        edit(bob, Optional.empty(), new ProfileEditInput(null, "Robert", "Tremblay", "America/Toronto", false, null, null));

        assertThrows(VersionMismatch.class, () -> edit(bob, Optional.of(bob.version()), new ProfileEditInput(null,
                "Bobby", "Tremblay", "America/Toronto", false, null, null)));
        assertEquals("Robert", portal.reload(bob).firstName().value());
    }

    @Test
    void everyEditableFieldIsRequiredButTheAddress() {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> EditPortalUserCommand.of(
                InMemoryPortal.actor(ann), account.id(), bob.id(), Optional.empty(),
                new ProfileEditInput(null, null, null, null, null, null, null)));

        assertEquals(List.of("firstName", "lastName", "timeZone", "billingNotifications"),
                invalid.errors().stream().map(error -> error.field().toString()).toList());
    }

    @Test
    void aDeletedUserOrOneOfAnotherAccountIsNotFound() {
        PortalUser stranger = portal.active(portal.account(), "Stranger", false);
        assertThrows(NotFound.class, () -> edit(stranger, Optional.empty(), new ProfileEditInput(null, "S",
                "T", "UTC", false, null, null)));
    }
}
