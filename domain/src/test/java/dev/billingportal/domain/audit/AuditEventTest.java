package dev.billingportal.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.InvalidValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void whatTheProviderDidOnAnAccountShowsInBothAuditsAndAKeyChangeOnlyInTheProviders() {
        Actor key = new Actor.ApiKeyActor(ApiKeyId.random(), "CRM", OperatorRole.SUPPORT);
        AccountId account = AccountId.random();
        AuditSubject user = new AuditSubject(AuditSubject.Kind.PORTAL_USER, UUID.randomUUID(), "ann@example.com");
        AuditEvent restore = AuditEvent.about(user, Optional.of(account), key, AuditAction.USER_RESTORED, List.of(), NOW);
        assertTrue(restore.visibleToCustomer());
        assertTrue(restore.visibleToProvider());

        AuditEvent posted = AuditEvent.about(new AuditSubject(AuditSubject.Kind.TRANSACTION, UUID.randomUUID(), "INV-1"),
                Optional.of(account), key, AuditAction.TRANSACTION_POSTED, List.of(), NOW);
        assertFalse(posted.visibleToCustomer(), "postings are the provider's record; the customer has its history");
        assertTrue(posted.visibleToProvider());

        AuditEvent keyMade = AuditEvent.about(new AuditSubject(AuditSubject.Kind.API_KEY, UUID.randomUUID(), "CRM"),
                Optional.empty(), Actor.INSTALLATION, AuditAction.API_KEY_CREATED, List.of(), NOW);
        assertFalse(keyMade.visibleToCustomer());
        assertTrue(keyMade.visibleToProvider());

        AuditEvent operatorSignInFailed = AuditEvent.about(new AuditSubject(AuditSubject.Kind.OPERATOR,
                UUID.randomUUID(), "sam@example.com"), Optional.empty(), Actor.SYSTEM,
                AuditAction.OPERATOR_SIGN_IN_FAILED, List.of(), NOW);
        assertTrue(operatorSignInFailed.visibleToProvider(), "what concerns the provider, whoever acted");

        AuditEvent customerSignIn = AuditEvent.about(user, Optional.of(account), Actor.SYSTEM, AuditAction.SIGNED_IN,
                List.of(), NOW);
        assertTrue(customerSignIn.visibleToCustomer());
        assertFalse(customerSignIn.visibleToProvider(), "a customer's own sign-in is the customer's record");
    }

    @Test
    void aReasonIsThreeToFiveHundredCharactersLineBreaksAllowed() {
        assertEquals("Customer called", new Reason("  Customer called ").value());
        assertEquals("line one\nline two", new Reason("line one\nline two").value());
        assertThrows(InvalidValue.class, () -> new Reason("ok"));
        assertThrows(InvalidValue.class, () -> new Reason("x".repeat(501)));
        assertThrows(InvalidValue.class, () -> new Reason("bell\u0007"));
    }
}
