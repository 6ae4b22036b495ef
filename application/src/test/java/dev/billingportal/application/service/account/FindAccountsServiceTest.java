package dev.billingportal.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountMatch;
import dev.billingportal.domain.failure.AccessDenied;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.testing.InMemoryPortal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §12: one box finds accounts by what a caller knows, the exact matches first, each account once. */
class FindAccountsServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final FindAccountsService service = new FindAccountsService(portal.stores.unitOfWork(),
            portal.stores.accountSearch());

    private List<AccountMatch.By> ways(String text) {
        return service.find(Actor.INSTALLATION, text).stream().map(AccountMatch::by).toList();
    }

    @Test
    void whateverIsTypedEveryWayIsTriedAndTheExactMatchesComeFirst() {
        Account first = portal.account();
        Account second = portal.account();
        PortalUser zoe = portal.active(second, "Zoe", false);
        zoe.delete(PortalUserId.random(), portal.clock.instant());
        portal.stores.users().update(zoe);

        assertEquals(List.of(AccountMatch.By.ACCOUNT_NUMBER), ways(" " + first.number().value().toLowerCase() + " "));
        List<AccountMatch> byEmail = service.find(Actor.INSTALLATION, "ZOE@example.com");
        assertEquals(second.id(), byEmail.get(0).account().id());
        assertEquals(AccountMatch.By.USERNAME, byEmail.get(0).by(), "the username first; the e-mail is the same");
        assertEquals(1, byEmail.size(), "each account once");
        assertTrue(byEmail.get(0).user().orElseThrow().deleted());
        List<AccountMatch> byName = service.find(Actor.INSTALLATION, "acme");
        assertEquals(2, byName.size());
        assertEquals(AccountMatch.By.NAME, byName.get(0).by());
        assertEquals(List.of(), service.find(Actor.INSTALLATION, "nothing like it"));
        assertEquals(List.of(), service.find(Actor.INSTALLATION, "acme@nowhere.example"),
                "an address is a user's, never words of a name");
    }

    @Test
    void aPortalUserMayNotSearchAndUnusableTextIsRefused() {
        PortalUser ann = portal.active(portal.account(), "Ann", false);
        assertThrows(AccessDenied.class, () -> service.find(InMemoryPortal.actor(ann), "acme"));
        for (String unusable : new String[] {"", "   ", "a".repeat(201), "two\nlines", null}) {
            assertThrows(InvalidInput.class, () -> service.find(Actor.INSTALLATION, unusable));
        }
    }
}
