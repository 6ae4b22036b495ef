package dev.billingportal.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.application.port.in.user.AddPortalUserCommand;
import dev.billingportal.application.port.in.user.ChooseLanguageCommand;
import dev.billingportal.application.port.in.user.EditPortalUserCommand;
import dev.billingportal.application.port.in.user.NewPortalUserInput;
import dev.billingportal.application.port.in.user.ProfileEditInput;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.RuleViolation;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spec §3's language: en-CA by default, fr-CA on request, anything else refused (422); kept when an edit omits it. */
class ChooseLanguageServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final ChooseLanguageService service = new ChooseLanguageService(portal.stores.unitOfWork(),
            portal.stores.users(), portal.stores.auditLog(), portal.clock);
    private final Account account = portal.account();
    private final PortalUser ann = portal.active(account, "Ann", false);

    @Test
    void aUserSavesTheirLanguageAndTheAuditLogSaysSo() {
        PortalUser french = service.choose(ChooseLanguageCommand.of(InMemoryPortal.actor(ann), "fr-CA"));

        assertEquals(Language.FR_CA, french.language());
        assertEquals(Language.FR_CA, portal.reload(ann).language());
        assertEquals(List.of(new FieldChange("language", "en-CA", "fr-CA")),
                portal.stores.auditLog().all().get(0).changes());
    }

    @Test
    void onlyTheTwoLanguagesAreAccepted() {
        RuleViolation german = assertThrows(RuleViolation.class,
                () -> ChooseLanguageCommand.of(InMemoryPortal.actor(ann), "de-DE"));
        assertEquals("language", german.errors().get(0).field().toString());
        assertThrows(InvalidInput.class, () -> ChooseLanguageCommand.of(InMemoryPortal.actor(ann), null));
        assertThrows(RuleViolation.class, () -> AddPortalUserCommand.of(InMemoryPortal.actor(ann), account.id(),
                new NewPortalUserInput("bob@example.com", null, "Bob", "Lee", "UTC", false, "en-US")));
    }

    @Test
    void aNewUserIsEnglishUnlessToldAndAnEditWithoutALanguageKeepsIt() {
        AddPortalUserService add = new AddPortalUserService(portal.stores.unitOfWork(), portal.stores.accounts(),
                portal.stores.users(), portal.invitations, portal.recorder, portal.webhooks, portal.clock);
        PortalUser bob = add.add(AddPortalUserCommand.of(InMemoryPortal.actor(ann), account.id(),
                new NewPortalUserInput("bob@example.com", null, "Bob", "Lee", "UTC", false, "fr-ca")));
        PortalUser cat = add.add(AddPortalUserCommand.of(InMemoryPortal.actor(ann), account.id(),
                new NewPortalUserInput("cat@example.com", null, "Cat", "Lee", "UTC", false)));
        assertEquals(Language.FR_CA, bob.language());
        assertEquals(Language.EN_CA, cat.language());

        PortalUser edited = new EditPortalUserService(portal.stores.unitOfWork(), portal.stores.users(),
                portal.stores.auditLog(), portal.clock).edit(EditPortalUserCommand.of(InMemoryPortal.actor(ann),
                account.id(), bob.id(), Optional.empty(), new ProfileEditInput(null, "Robert", "Lee", "UTC", false,
                        null, null)));
        assertEquals(Language.FR_CA, edited.language());
    }
}
