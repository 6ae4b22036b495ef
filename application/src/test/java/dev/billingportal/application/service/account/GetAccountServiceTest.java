package dev.billingportal.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.testing.InMemoryPortal;
import org.junit.jupiter.api.Test;

/** Operators read any account; a portal user their own, and nobody learns that another exists. */
class GetAccountServiceTest {
    private final InMemoryPortal portal = new InMemoryPortal();
    private final GetAccountService service = new GetAccountService(portal.stores.unitOfWork(),
            portal.stores.accounts());

    @Test
    void anotherAccountIsNotFoundExactlyLikeOneThatDoesNotExist() {
        Account acme = portal.account();
        Account other = portal.account();
        PortalUser ann = portal.active(acme, "Ann", false);

        assertEquals(acme, service.get(InMemoryPortal.actor(ann), acme.id()));
        assertEquals(other, service.get(Actor.INSTALLATION, other.id()));
        NotFound foreign = assertThrows(NotFound.class, () -> service.get(InMemoryPortal.actor(ann), other.id()));
        NotFound missing = assertThrows(NotFound.class, () -> service.get(Actor.INSTALLATION, AccountId.random()));
        assertEquals(missing.getMessage(), foreign.getMessage());
    }
}
